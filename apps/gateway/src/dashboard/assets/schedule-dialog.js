/* global document, Option */
/**
 * Seed 001's 定期実行時間の設定 dialog: edits a daily time (JST) and whether it runs, and for the
 * price update also its provider.
 */

const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("schedule-dialog"));
const form = /** @type {HTMLFormElement} */ (document.getElementById("schedule-form"));
const title = /** @type {HTMLElement} */ (document.getElementById("schedule-title"));
const hint = /** @type {HTMLElement} */ (document.getElementById("schedule-hint"));
const hour = /** @type {HTMLSelectElement} */ (document.getElementById("schedule-hour"));
const minute = /** @type {HTMLSelectElement} */ (document.getElementById("schedule-minute"));
const enabled = /** @type {HTMLInputElement} */ (document.getElementById("schedule-enabled"));
const providerField = /** @type {HTMLElement} */ (document.getElementById("schedule-provider-field"));
const provider = /** @type {HTMLSelectElement} */ (document.getElementById("schedule-provider"));
const error = /** @type {HTMLElement} */ (document.getElementById("schedule-error"));
const cancel = /** @type {HTMLButtonElement} */ (document.getElementById("schedule-cancel"));

/** @param {number} count */
const twoDigitOptions = (count) =>
  Array.from({ length: count }, (_, value) => new Option(String(value).padStart(2, "0")));
hour.append(...twoDigitOptions(24));
minute.append(...twoDigitOptions(60));

export const PROVIDER_LABELS = { yahoo: "Yahoo Finance", jquants: "J-Quants" };
/** What a schedule without a provider of its own fetches from. */
export const DEFAULT_PROVIDER_LABEL = "既定 (スケジューラの DAILY_PRICES_PROVIDER)";

/**
 * @typedef {{ time: string, enabled: boolean, provider?: "yahoo" | "jquants" | null }} EditableSchedule
 */

/** @param {EditableSchedule} schedule */
function showProvider(schedule) {
  providerField.hidden = schedule.provider === undefined;
  if (schedule.provider === undefined) return;
  provider.replaceChildren(
    ...(schedule.provider === null ? [new Option(DEFAULT_PROVIDER_LABEL, "")] : []),
    ...Object.entries(PROVIDER_LABELS).map(([value, label]) => new Option(label, value)),
  );
  provider.value = schedule.provider ?? "";
}

/**
 * Opens the dialog on a schedule; resolves true once a change was saved with `PUT path`.
 * @param {{ api: import("./api-client.js").ApiClient, path: string, title: string, hint: string,
 *           schedule: EditableSchedule }} deps
 * @returns {Promise<boolean>}
 */
export function openScheduleDialog(deps) {
  const [hh, mm] = deps.schedule.time.split(":");
  title.textContent = deps.title;
  hint.textContent = deps.hint;
  hour.value = hh;
  minute.value = mm;
  enabled.checked = deps.schedule.enabled;
  showProvider(deps.schedule);
  error.textContent = "";
  return new Promise((resolve) => {
    /** @param {SubmitEvent} event */
    const onSubmit = async (event) => {
      event.preventDefault();
      try {
        await deps.api.put(deps.path, {
          time: `${hour.value}:${minute.value}`,
          enabled: enabled.checked,
          ...(providerField.hidden || provider.value === "" ? {} : { provider: provider.value }),
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
