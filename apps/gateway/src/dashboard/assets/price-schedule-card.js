/* global document */
/** The daily price update's card: on or off, time, provider, last and next run, and its schedule dialog. */

import { formatDateTime } from "./format.js";
import { createPoller } from "./poller.js";
import { DEFAULT_PROVIDER_LABEL, PROVIDER_LABELS, openScheduleDialog } from "./schedule-dialog.js";
import { STATUS_LABELS } from "./status-labels.js";

const PATH = "/api/v1/prices/schedule";
const POLL_MS = 60_000;

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {{ api: import("./api-client.js").ApiClient, notify: (error: unknown) => void }} deps */
export function createPriceScheduleCard(deps) {
  /** @type {any} */
  let schedule = null;
  const poller = createPoller({ run: refresh, delayMs: () => POLL_MS, onError: deps.notify });

  async function refresh() {
    schedule = (await deps.api.get(PATH)).schedule;
    const state = byId("ps-status");
    state.textContent = schedule.enabled ? "● 有効" : "○ 無効";
    state.className = schedule.enabled ? "status-on" : "status-off";
    byId("ps-schedule").textContent = schedule.enabled
      ? `営業日 ${schedule.time} (JST)`
      : `停止中（${schedule.time} JST）`;
    byId("ps-provider").textContent =
      PROVIDER_LABELS[/** @type {"yahoo"} */ (schedule.provider)] ?? DEFAULT_PROVIDER_LABEL;
    const lastStatus = STATUS_LABELS.masterSync[/** @type {"queued"} */ (schedule.last_status)]?.ja;
    byId("ps-last-run").textContent = schedule.last_run_at
      ? `${formatDateTime(schedule.last_run_at)}${lastStatus ? `（${lastStatus}）` : ""}`
      : "–";
    byId("ps-next-run").textContent = schedule.next_run_at ? formatDateTime(schedule.next_run_at) : "–";
  }

  byId("ps-schedule-edit").addEventListener("click", async () => {
    if (!schedule) return;
    const saved = await openScheduleDialog({
      api: deps.api,
      path: PATH,
      title: "株価更新の定期実行時間の設定",
      hint: "※ 東証の営業日の指定時刻に、全上場銘柄の前回保存分以降を取得します (未取得の銘柄は直近5営業日)",
      schedule,
    });
    if (saved) poller.now();
  });

  return { start: poller.start };
}
