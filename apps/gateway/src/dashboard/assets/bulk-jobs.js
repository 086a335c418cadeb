/* global document */
/** The job list and the selected job's live progress, failures by class, and pause / resume / stop / retry. */

import { formatCount, formatDateTime, formatDuration, formatPercent } from "./format.js";
import { createRateEstimator, fromEvent, fromStatus, isTerminal, mergeProgress } from "./job-progress.js";
import { createPoller } from "./poller.js";
import { STATUS_LABELS } from "./status-labels.js";

const POLL_MS = 1000;
const LIVE_POLL_MS = 5000;
const LIST_ACTIVE_MS = 15_000;
const LIST_IDLE_MS = 60_000;
const LIST_LIMIT = 15;

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/**
 * @param {string} id a list's element id
 * @param {string[]} texts its items
 */
function fillList(id, texts) {
  byId(id).replaceChildren(
    ...texts.map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }),
  );
}

/** @param {string} status */
const statusLabel = (status) => STATUS_LABELS.batch[/** @type {"queued"} */ (status)]?.ja ?? status;

/**
 * @param {{ api: import("./api-client.js").ApiClient, feed: ReturnType<typeof import("./progress-feed.js").createProgressFeed>,
 *           notify: (error: unknown) => void }} deps
 */
export function createBulkJobs(deps) {
  /** @type {Map<string, import("./job-progress.js").JobProgress>} */
  const jobs = new Map();
  /** @type {Map<string, { createdAt: number, interval: string, period: string }>} */
  const meta = new Map();
  /** @type {string[]} */
  let order = [];
  /** @type {string | null} */
  let selectedId = null;
  let estimator = createRateEstimator();
  /** @type {{ stocksPerMinute: number | null, estimatedCompletion: string | null }} */
  let estimate = { stocksPerMinute: null, estimatedCompletion: null };
  /** Failed symbols grouped by class while the job runs (the summary has them once it ends). */
  let runningFailures = { failed: 0, byClass: /** @type {Record<string, number>} */ ({}) };

  const bar = byId("job-progress");
  const fill = /** @type {HTMLElement} */ (bar.firstElementChild);
  const buttons = {
    pause: /** @type {HTMLButtonElement} */ (byId("job-pause")),
    resume: /** @type {HTMLButtonElement} */ (byId("job-resume")),
    stop: /** @type {HTMLButtonElement} */ (byId("job-stop")),
    retry: /** @type {HTMLButtonElement} */ (byId("job-retry")),
  };

  const selected = () => (selectedId === null ? undefined : jobs.get(selectedId));

  const detailPoller = createPoller({
    run: refreshSelected,
    delayMs: () => {
      const job = selected();
      // A completed job's quality checks follow within seconds.
      if (job?.status === "completed" && job.quality === null) return LIVE_POLL_MS;
      if (!job || isTerminal(job.status)) return LIST_IDLE_MS;
      return deps.feed.isLive(job.id) ? LIVE_POLL_MS : POLL_MS;
    },
    onError: deps.notify,
  });
  const listPoller = createPoller({
    run: refreshList,
    delayMs: () => ([...jobs.values()].some((job) => !isTerminal(job.status)) ? LIST_ACTIVE_MS : LIST_IDLE_MS),
    onError: deps.notify,
  });

  /** @param {import("./job-progress.js").JobProgress} next */
  function apply(next) {
    const previous = jobs.get(next.id);
    const merged = mergeProgress(previous, next);
    jobs.set(next.id, merged);
    if (!order.includes(next.id)) {
      order = [next.id, ...order];
      listPoller.now();
    }
    if (next.id === selectedId) {
      estimate = estimator.estimate(merged, Date.now());
      renderDetail();
      if (merged.failed > runningFailures.failed && !merged.failuresByClass)
        void loadFailures(merged.id, merged.failed);
    }
    if (previous && !isTerminal(previous.status) && isTerminal(merged.status)) {
      listPoller.now();
      // The summary (failures by class, duration) comes with the status route only.
      if (next.id === selectedId && merged.failuresByClass === null) detailPoller.now();
    }
    renderList();
  }

  async function refreshList() {
    const answer = await deps.api.get(`/api/bulk/jobs?limit=${LIST_LIMIT}`);
    for (const job of answer.jobs) {
      meta.set(job.id, { createdAt: job.created_at * 1000, interval: job.interval, period: job.period });
      jobs.set(job.id, mergeProgress(jobs.get(job.id), fromStatus(job)));
    }
    const listed = answer.jobs.map((/** @type {{ id: string }} */ job) => job.id);
    order = [...order.filter((id) => !listed.includes(id) && !meta.has(id)), ...listed];
    if (selectedId === null && order.length > 0) {
      select(order.find((id) => !isTerminal(jobs.get(id)?.status ?? "completed")) ?? order[0]);
    }
    renderList();
    renderDetail();
  }

  async function refreshSelected() {
    if (selectedId === null) return;
    const answer = await deps.api.get(`/api/bulk/status/${encodeURIComponent(selectedId)}`);
    meta.set(answer.job.id, {
      createdAt: answer.job.created_at * 1000,
      interval: answer.job.interval,
      period: answer.job.period,
    });
    apply(fromStatus(answer.job));
  }

  /**
   * @param {string} id
   * @param {number} failed how many have failed so far
   */
  async function loadFailures(id, failed) {
    runningFailures = { ...runningFailures, failed };
    const answer = await deps.api.get(`/api/bulk/jobs/${encodeURIComponent(id)}/symbols?status=failed&limit=10000`);
    if (id !== selectedId) return;
    /** @type {Record<string, number>} */
    const byClass = {};
    for (const symbol of answer.symbols)
      byClass[symbol.error_class ?? "unknown"] = (byClass[symbol.error_class ?? "unknown"] ?? 0) + 1;
    runningFailures = { failed: answer.total, byClass };
    renderDetail();
  }

  /** @param {string} id */
  function select(id) {
    if (selectedId === id) return;
    if (selectedId !== null) deps.feed.unsubscribe(selectedId);
    selectedId = id;
    estimator = createRateEstimator();
    estimate = { stocksPerMinute: null, estimatedCompletion: null };
    runningFailures = { failed: 0, byClass: {} };
    deps.feed.subscribe(id);
    byId("job-error").textContent = "";
    renderList();
    renderDetail();
    detailPoller.now();
  }

  function renderList() {
    const rows = byId("job-list");
    byId("job-list-empty").hidden = order.length > 0;
    rows.replaceChildren(
      ...order.slice(0, LIST_LIMIT).map((id) => {
        const job = jobs.get(id);
        const row = document.createElement("tr");
        row.setAttribute("aria-selected", String(id === selectedId));
        const name = document.createElement("button");
        name.type = "button";
        name.textContent = id;
        name.addEventListener("click", () => select(id));
        const cells = [
          name,
          job ? statusLabel(job.status) : "–",
          job ? `${formatCount(job.processed)} / ${formatCount(job.total)}` : "–",
          formatDateTime(meta.get(id)?.createdAt),
        ];
        cells.forEach((content, index) => {
          const cell = document.createElement("td");
          cell.append(content);
          if (index === 2) cell.className = "number";
          row.append(cell);
        });
        return row;
      }),
    );
  }

  function renderDetail() {
    const job = selected();
    if (!job) return;
    const info = meta.get(job.id);
    byId("job-title").textContent = `ジョブ ${job.id}${info ? `（${info.period}・${info.interval}）` : ""}`;
    const percentage = Math.min(100, Math.max(0, job.percentage));
    bar.setAttribute("aria-valuenow", String(percentage));
    bar.setAttribute(
      "aria-valuetext",
      `${formatPercent(percentage)}（${formatCount(job.processed)} / ${formatCount(job.total)}）`,
    );
    bar.dataset.status = job.status;
    fill.style.width = `${percentage}%`;
    byId("job-percent").textContent = formatPercent(percentage);
    const badge = byId("job-status");
    badge.textContent = statusLabel(job.status);
    badge.dataset.status = job.status;
    byId("job-processed").textContent = `${formatCount(job.processed)} / ${formatCount(job.total)}`;
    byId("job-successful").textContent = formatCount(job.successful);
    byId("job-failed").textContent = formatCount(job.failed);
    byId("job-eta").textContent = etaText(job);
    byId("job-throughput").textContent = throughputText(job);
    byId("job-current").textContent = job.current.length > 0 ? job.current.join("、") : "–";
    renderFailures(job);
    renderQuality(job);
    buttons.pause.disabled = !(job.status === "running" || job.status === "queued");
    buttons.resume.disabled = job.status !== "paused";
    buttons.stop.disabled = !(job.status === "running" || job.status === "queued" || job.status === "paused");
    buttons.retry.hidden = !(isTerminal(job.status) && job.failed > 0);
  }

  /** @param {import("./job-progress.js").JobProgress} job */
  function etaText(job) {
    if (job.status === "completed") return `完了（所要 ${formatDuration(job.durationSeconds)}）`;
    if (isTerminal(job.status)) return "–";
    const eta = job.estimatedCompletion ?? estimate.estimatedCompletion;
    if (!eta) return "計測中…";
    const seconds = Math.max(0, (new Date(eta).getTime() - Date.now()) / 1000);
    return `${formatDateTime(eta)}（あと ${formatDuration(seconds)}）`;
  }

  /** @param {import("./job-progress.js").JobProgress} job */
  function throughputText(job) {
    if (isTerminal(job.status) && job.durationSeconds) {
      return `${formatCount(Math.round((job.processed / job.durationSeconds) * 60))} 銘柄/分（平均）`;
    }
    const stocks = job.stocksPerMinute ?? estimate.stocksPerMinute;
    if (stocks === null) return "–";
    const records = job.recordsPerMinute === null ? "" : `・${formatCount(Math.round(job.recordsPerMinute))} 件/分`;
    return `${formatCount(Math.round(stocks))} 銘柄/分${records}`;
  }

  /** @param {import("./job-progress.js").JobProgress} job */
  function renderFailures(job) {
    const byClass = job.failuresByClass ?? runningFailures.byClass;
    const entries = Object.entries(byClass).filter(([, count]) => count > 0);
    const texts =
      entries.length === 0
        ? ["なし"]
        : entries.map(
            ([errorClass, count]) =>
              `${STATUS_LABELS.errorClass[/** @type {"system"} */ (errorClass)]?.ja ?? errorClass}: ${formatCount(count)} 件`,
          );
    fillList("job-failures", texts);
  }

  /** @param {import("./job-progress.js").JobProgress} job */
  function renderQuality(job) {
    const found = Object.entries(job.quality ?? {}).filter(([, count]) => count > 0);
    const texts =
      job.quality === null
        ? [job.status === "completed" ? "チェック中…" : "–"]
        : found.length === 0
          ? ["問題なし"]
          : found.map(
              ([check, count]) =>
                `${STATUS_LABELS.quality[/** @type {"price_jump"} */ (check)]?.ja ?? check}（${check}）: ${formatCount(count)} 件`,
            );
    fillList("job-quality", texts);
  }

  /** @param {"pause" | "resume" | "stop"} action */
  async function act(action) {
    const job = selected();
    if (!job) return;
    if (action === "stop" && !globalThis.confirm(`ジョブ ${job.id} を停止しますか？残りの銘柄は取得されません。`))
      return;
    byId("job-error").textContent = "";
    try {
      const answer = await deps.api.post(`/api/bulk/${action}/${encodeURIComponent(job.id)}`);
      apply(fromStatus(answer.job));
    } catch (error) {
      byId("job-error").textContent = error instanceof Error ? error.message : String(error);
    }
    detailPoller.now();
  }

  async function retry() {
    const job = selected();
    if (!job) return;
    byId("job-error").textContent = "";
    try {
      const answer = await deps.api.post(`/api/bulk/retry/${encodeURIComponent(job.id)}`);
      started(answer.job_id);
    } catch (error) {
      byId("job-error").textContent = error instanceof Error ? error.message : String(error);
    }
  }

  /** @param {string} id a job this page just started */
  function started(id) {
    order = [id, ...order.filter((other) => other !== id)];
    select(id);
    listPoller.now();
  }

  buttons.pause.addEventListener("click", () => act("pause"));
  buttons.resume.addEventListener("click", () => act("resume"));
  buttons.stop.addEventListener("click", () => act("stop"));
  buttons.retry.addEventListener("click", retry);

  return {
    start() {
      listPoller.start();
      detailPoller.start();
    },
    started,
    /** @param {import("./progress-feed.js").ProgressEvent} event */
    onProgress: (event) => apply(fromEvent(event)),
  };
}
