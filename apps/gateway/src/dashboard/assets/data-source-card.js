/* global document */
/** Seed 001's data-source card: status, schedule, last sync, count, next run, sync now, live progress, history. */

import { ApiRequestError } from "./api-client.js";
import { formatCount, formatDateTime, formatDuration, formatPercent } from "./format.js";
import { createPoller } from "./poller.js";
import { openScheduleDialog } from "./schedule-dialog.js";
import { STATUS_LABELS } from "./status-labels.js";

const SOURCE_LABEL = { jpx: "JPX", jquants: "J-Quants" };
const TRIGGER_LABEL = { manual: "手動", scheduled: "定期" };
const ACTIVE_POLL_MS = 1000;
const LIVE_POLL_MS = 5000;
const IDLE_POLL_MS = 60_000;

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @param {{ api: import("./api-client.js").ApiClient, feed: ReturnType<typeof import("./progress-feed.js").createProgressFeed>,
 *           room: string, notify: (error: unknown) => void, onSynced: () => void }} deps
 */
export function createDataSourceCard(deps) {
  const monitor = byId("ds-monitor");
  const bar = byId("ds-monitor-bar");
  const fill = /** @type {HTMLElement} */ (bar.firstElementChild);
  const syncButton = /** @type {HTMLButtonElement} */ (byId("ds-sync-now"));
  const historyToggle = byId("ds-history-toggle");
  /** @type {any} */
  let schedule = null;
  /** The run this page watched start, so its outcome is shown when it ends. @type {number | null} */
  let watchedRunId = null;
  /** @type {number | null} */
  let reportedRunId = null;
  let activeRun = false;

  const poller = createPoller({
    run: refresh,
    delayMs: () => (activeRun ? (deps.feed.isLive(deps.room) ? LIVE_POLL_MS : ACTIVE_POLL_MS) : IDLE_POLL_MS),
    onError: deps.notify,
  });

  async function refresh() {
    const [scheduleAnswer, status] = await Promise.all([
      deps.api.get("/api/v1/companies/schedule"),
      deps.api.get("/api/v1/companies/sync/status?limit=10"),
    ]);
    schedule = scheduleAnswer.schedule;
    renderFacts(schedule, status);
    renderHistory(status.history);
    renderMonitor(status);
  }

  /** @param {any} current @param {any} status */
  function renderFacts(current, status) {
    const source = status.last?.source ?? status.current?.source ?? "jpx";
    byId("ds-title").textContent = `${SOURCE_LABEL[/** @type {"jpx"} */ (source)] ?? source} - 上場企業一覧`;
    const state = byId("ds-status");
    state.textContent = current.enabled ? "● 有効" : "○ 無効";
    state.className = current.enabled ? "status-on" : "status-off";
    byId("ds-schedule").textContent = current.enabled ? `毎日 ${current.time} (JST)` : `停止中（${current.time} JST）`;
    byId("ds-last-sync").textContent = formatDateTime(status.last?.completed_at ?? current.last_run_at);
    byId("ds-count").textContent = `${formatCount(status.active_companies)} 社`;
    byId("ds-next-run").textContent = current.next_run_at ? formatDateTime(current.next_run_at) : "–";
  }

  /** @param {any[]} history */
  function renderHistory(history) {
    const rows = byId("ds-history-rows");
    rows.replaceChildren(
      ...history.map((run) => {
        const row = document.createElement("tr");
        const cells = [
          formatDateTime(run.started_at ?? run.created_at),
          TRIGGER_LABEL[/** @type {"manual"} */ (run.trigger)] ?? run.trigger,
          SOURCE_LABEL[/** @type {"jpx"} */ (run.source)] ?? run.source,
          (STATUS_LABELS.masterSync[/** @type {"queued"} */ (run.status)]?.ja ?? run.status) +
            (run.error ? `: ${run.error}` : ""),
          formatCount(run.total),
          `${formatCount(run.added)} / ${formatCount(run.updated)} / ${formatCount(run.removed)}`,
          formatDuration(run.duration_seconds),
        ];
        cells.forEach((text, index) => {
          const cell = document.createElement("td");
          cell.textContent = text;
          if (index >= 4) cell.className = "number";
          row.append(cell);
        });
        return row;
      }),
    );
  }

  /** @param {any} status */
  function renderMonitor(status) {
    const current = status.current;
    activeRun = current !== null;
    syncButton.disabled = activeRun;
    if (current) {
      watchedRunId ??= current.id;
      deps.feed.subscribe(deps.room);
      monitor.hidden = false;
      delete monitor.dataset.outcome;
      byId("ds-monitor-title").textContent =
        current.status === "queued" ? "処理を開始しています..." : "🔄 上場企業データを取得中...";
      byId("ds-monitor-detail").textContent =
        `取得元: ${SOURCE_LABEL[/** @type {"jpx"} */ (current.source)] ?? current.source}`;
      if (!bar.hasAttribute("aria-valuenow")) bar.classList.add("indeterminate");
      return;
    }
    const finished = status.history.find((/** @type {any} */ run) => run.id === watchedRunId);
    if (!finished) return;
    bar.classList.remove("indeterminate");
    monitor.hidden = false;
    monitor.dataset.outcome = finished.status;
    if (finished.status === "completed") {
      if (reportedRunId !== finished.id) {
        reportedRunId = finished.id;
        deps.onSynced();
      }
      byId("ds-monitor-title").textContent = "✅ 同期が完了しました";
      byId("ds-monitor-detail").textContent =
        `同期件数: ${formatCount(finished.total)}件 / 処理時間: ${formatDuration(finished.duration_seconds)}`;
    } else {
      byId("ds-monitor-title").textContent = "❌ 同期に失敗しました";
      byId("ds-monitor-detail").textContent = finished.error ?? "";
    }
  }

  /** @param {import("./progress-feed.js").ProgressEvent} event */
  function onProgress(event) {
    if (event.progress.total > 0) {
      bar.classList.remove("indeterminate");
      const previous = Number(bar.getAttribute("aria-valuenow") ?? 0);
      const percentage = Math.max(previous, event.progress.percentage);
      bar.setAttribute("aria-valuenow", String(percentage));
      bar.setAttribute("aria-valuetext", formatPercent(percentage));
      fill.style.width = `${percentage}%`;
    }
    poller.now();
  }

  async function syncNow() {
    syncButton.disabled = true;
    const source = /** @type {HTMLSelectElement} */ (byId("ds-source")).value;
    try {
      const answer = await deps.api.post("/api/v1/companies/sync", { source });
      watchedRunId = answer.run.id;
      bar.removeAttribute("aria-valuenow");
      fill.style.width = "";
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.code === "CONFLICT")) syncButton.disabled = false;
      deps.notify(error);
    }
    poller.now();
  }

  syncButton.addEventListener("click", syncNow);
  historyToggle.addEventListener("click", () => {
    const history = byId("ds-history");
    history.hidden = !history.hidden;
    historyToggle.setAttribute("aria-expanded", String(!history.hidden));
    historyToggle.textContent = history.hidden ? "実行履歴を見る" : "実行履歴を閉じる";
  });
  byId("ds-schedule-edit").addEventListener("click", async () => {
    if (!schedule) return;
    const saved = await openScheduleDialog({
      api: deps.api,
      path: "/api/v1/companies/schedule",
      title: "定期実行時間の設定",
      hint: "※ 毎日指定時刻に自動実行されます。処理時間を考慮して、取引時間外を推奨",
      schedule,
    });
    if (saved) poller.now();
  });

  return { start: poller.start, onProgress };
}
