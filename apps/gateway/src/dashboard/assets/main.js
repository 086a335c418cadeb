/* global document */
/** Wires the dashboard: settings, API key, live feed, and the five panels. */

import { ApiRequestError, createApiClient } from "./api-client.js";
import { apiKeyDialog } from "./api-key-dialog.js";
import { createBulkJobs } from "./bulk-jobs.js";
import { createBulkStartForm } from "./bulk-start-form.js";
import { createDataSourceCard } from "./data-source-card.js";
import { ALL_ROOM, createProgressFeed } from "./progress-feed.js";
import { createPriceChart } from "./price-chart.js";
import { createPriceScheduleCard } from "./price-schedule-card.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const NOTICE_MS = 10_000;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let noticeTimer;

/** @param {unknown} error */
function notify(error) {
  const notice = byId("notice");
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (notice.hidden = true), NOTICE_MS);
  if (error instanceof ApiRequestError && error.status === 429) {
    notice.textContent = `${error.message}（${error.retryAfterSeconds ?? "数"}秒後に自動で再開します）`;
  } else if (error instanceof ApiRequestError && error.status < 500) {
    notice.textContent = error.message;
  } else {
    notice.textContent = `ゲートウェイに接続できません: ${error instanceof Error ? error.message : String(error)}`;
  }
  notice.hidden = false;
}

/** @param {boolean} live */
function showFeedState(live) {
  const status = byId("live-status");
  status.dataset.state = live ? "live" : "polling";
  status.textContent = live ? "リアルタイム更新中" : "定期取得で更新中";
  status.title = live
    ? "進捗サービス (Socket.IO) から受信しています"
    : "進捗サービスに接続できないため、APIを定期的に取得しています";
}

async function start() {
  const config = await (await fetch("/dashboard/config.json")).json();
  /** @type {ReturnType<typeof createProgressFeed> | undefined} */
  let feed;
  const api = createApiClient({
    askForKey: apiKeyDialog(/** @type {HTMLDialogElement} */ (byId("api-key-dialog"))),
    onKeyChanged: () => {
      byId("notice").hidden = true;
      feed?.reconnect();
    },
  });
  if (config.apiKeyRequired && api.apiKey() === "") await api.changeKey();

  const progressFeed = createProgressFeed({
    url: config.progressUrl,
    apiKey: api.apiKey,
    onEvent: (event) => (event.unit === "companies" ? card.onProgress(event) : jobs.onProgress(event)),
    onStateChange: showFeedState,
  });
  feed = progressFeed;
  const jobs = createBulkJobs({ api, feed: progressFeed, notify });
  const form = createBulkStartForm({
    api,
    intervals: config.intervals,
    periods: config.periods,
    onStarted: (id) => jobs.started(id),
  });
  const card = createDataSourceCard({
    api,
    feed: progressFeed,
    room: config.masterSyncRoom,
    notify,
    onSynced: () => form.loadMarkets().catch(notify),
  });
  createPriceChart({ api });
  const priceSchedule = createPriceScheduleCard({ api, notify });

  byId("api-key-button").addEventListener("click", () => void api.changeKey());
  showFeedState(false);
  progressFeed.subscribe(ALL_ROOM);
  progressFeed.subscribe(config.masterSyncRoom);
  void progressFeed.connect();
  card.start();
  priceSchedule.start();
  jobs.start();
  form.loadMarkets().catch(notify);
}

start().catch(notify);
