/** The API key dialog: asked once, again after a 401. */

/**
 * @param {HTMLDialogElement} dialog
 * @returns {(options: { rejected: boolean, cancellable: boolean }) => Promise<string | null>}
 */
export function apiKeyDialog(dialog) {
  const form = /** @type {HTMLFormElement} */ (dialog.querySelector("form"));
  const input = /** @type {HTMLInputElement} */ (dialog.querySelector("#api-key-input"));
  const error = /** @type {HTMLElement} */ (dialog.querySelector("#api-key-error"));
  const cancel = /** @type {HTMLButtonElement} */ (dialog.querySelector("#api-key-cancel"));

  return ({ rejected, cancellable }) =>
    new Promise((resolve) => {
      error.textContent = rejected ? "APIキーが正しくありません。もう一度入力してください。" : "";
      input.value = "";
      cancel.hidden = !cancellable;
      /** @param {Event} event */
      const onCancel = (event) => {
        if (!cancellable) {
          event.preventDefault();
          return;
        }
        finish(null);
      };
      /** @param {SubmitEvent} event */
      const onSubmit = (event) => {
        const key = input.value.trim();
        if (key === "") {
          event.preventDefault();
          error.textContent = "APIキーを入力してください。";
          input.focus();
          return;
        }
        finish(key);
      };
      const onCancelClick = () => {
        dialog.close();
        finish(null);
      };
      /** @param {string | null} key */
      function finish(key) {
        dialog.removeEventListener("cancel", onCancel);
        form.removeEventListener("submit", onSubmit);
        cancel.removeEventListener("click", onCancelClick);
        resolve(key);
      }
      dialog.addEventListener("cancel", onCancel);
      form.addEventListener("submit", onSubmit);
      cancel.addEventListener("click", onCancelClick);
      dialog.showModal();
      input.focus();
    });
}
