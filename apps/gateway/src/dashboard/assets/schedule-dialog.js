/* global document, Option */
/** Seed 001's 定期実行時間の設定 dialog: edits the daily time (JST) and whether it runs. */

const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("schedule-dialog"));
const form = /** @type {HTMLFormElement} */ (document.getElementById("schedule-form"));
const hour = /** @type {HTMLSelectElement} */ (document.getElementById("schedule-hour"));
const minute = /** @type {HTMLSelectElement} */ (document.getElementById("schedule-minute"));
const enabled = /** @type {HTMLInputElement} */ (document.getElementById("schedule-enabled"));
const error = /** @type {HTMLElement} */ (document.getElementById("schedule-error"));
const cancel = /** @type {HTMLButtonElement} */ (document.getElementById("schedule-cancel"));

/** @param {number} count */
const twoDigitOptions = (count) =>
  Array.from({ length: count }, (_, value) => new Option(String(value).padStart(2, "0")));
hour.append(...twoDigitOptions(24));
minute.append(...twoDigitOptions(60));

/**
 * Opens the dialog on the current schedule; resolves true once a change was saved.
 * @param {{ api: import("./api-client.js").ApiClient, schedule: { time: string, enabled: boolean } }} deps
 * @returns {Promise<boolean>}
 */
export function openScheduleDialog(deps) {
  const [hh, mm] = deps.schedule.time.split(":");
  hour.value = hh;
  minute.value = mm;
  enabled.checked = deps.schedule.enabled;
  error.textContent = "";
  return new Promise((resolve) => {
    /** @param {SubmitEvent} event */
    const onSubmit = async (event) => {
      event.preventDefault();
      try {
        await deps.api.put("/api/v1/companies/schedule", {
          time: `${hour.value}:${minute.value}`,
          enabled: enabled.checked,
        });
        dialog.close();
        finish(true);
      } catch (failure) {
        error.textContent = failure instanceof Error ? failure.message : String(failure);
      }
    };
    const onCancel = () => {
      dialog.close();
      finish(false);
    };
    /** @param {boolean} saved */
    function finish(saved) {
      form.removeEventListener("submit", onSubmit);
      cancel.removeEventListener("click", onCancel);
      dialog.removeEventListener("close", onClose);
      resolve(saved);
    }
    const onClose = () => finish(false);
    form.addEventListener("submit", onSubmit);
    cancel.addEventListener("click", onCancel);
    dialog.addEventListener("close", onClose);
    dialog.showModal();
    hour.focus();
  });
}
