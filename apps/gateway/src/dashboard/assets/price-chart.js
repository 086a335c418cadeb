/* global document, ResizeObserver */
/** The chart panel: loads a symbol's stored bars from GET /api/v1/prices/:code and draws them. */

import { drawCandles } from "./candle-chart.js";
import { formatCount, formatDateTime, formatPrice } from "./format.js";

const MAX_BARS = 10_000;
const WIDE_SPACE = "\u3000";
const INTRADAY = new Set(["1m", "2m", "5m", "15m", "30m", "60m", "90m", "1h"]);

/** @param {string} id */
const byId = (id) => /** @type {any} */ (document.getElementById(id));

/** @param {{ api: import("./api-client.js").ApiClient }} deps */
export function createPriceChart(deps) {
  const form = /** @type {HTMLFormElement} */ (byId("chart-form"));
  const code = /** @type {HTMLInputElement} */ (byId("chart-code"));
  const interval = /** @type {HTMLSelectElement} */ (byId("chart-interval"));
  const range = /** @type {HTMLSelectElement} */ (byId("chart-range"));
  const source = /** @type {HTMLSelectElement} */ (byId("chart-source"));
  const adjust = /** @type {HTMLSelectElement} */ (byId("chart-adjust"));
  const canvas = /** @type {HTMLCanvasElement} */ (byId("chart-canvas"));
  const summary = byId("chart-summary");
  const readout = byId("chart-readout");
  /** @type {import("./candle-chart.js").Bar[]} */
  let bars = [];
  /** @type {number | null} */
  let highlight = null;
  /** @type {(x: number) => number | null} */
  let indexAt = () => null;

  function draw() {
    indexAt = drawCandles(canvas, bars, { intraday: INTRADAY.has(interval.value), highlight });
    const bar = highlight === null ? bars.at(-1) : bars[highlight];
    readout.textContent = bar
      ? [
          formatDateTime(bar.ts).slice(0, INTRADAY.has(interval.value) ? 16 : 10),
          `始値 ${formatPrice(bar.open)}`,
          `高値 ${formatPrice(bar.high)}`,
          `安値 ${formatPrice(bar.low)}`,
          `終値 ${formatPrice(bar.close)}`,
          `出来高 ${formatCount(bar.volume)}`,
        ].join(WIDE_SPACE)
      : "";
  }

  async function load() {
    const symbol = code.value.trim().toUpperCase();
    if (!/^[0-9][0-9A-Z]{3}[0-9]?(\.T)?$/.test(symbol)) {
      summary.textContent = "銘柄コードは 7203 や 130A の形で入力してください。";
      return;
    }
    const query = new URLSearchParams({
      interval: interval.value,
      source: source.value,
      adjust: adjust.value,
      limit: String(MAX_BARS),
    });
    if (range.value) {
      query.set("from", new Date(Date.now() - Number(range.value) * 86_400_000).toISOString().slice(0, 10));
    }
    summary.textContent = "読み込み中…";
    try {
      const answer = await deps.api.get(`/api/v1/prices/${encodeURIComponent(symbol)}?${query}`);
      bars = answer.bars.filter(
        (/** @type {any} */ bar) => bar.open !== null && bar.high !== null && bar.low !== null && bar.close !== null,
      );
      highlight = null;
      const first = bars[0];
      const last = bars.at(-1);
      summary.textContent =
        first && last
          ? `${answer.symbol}：${formatCount(bars.length)} 本（${formatDateTime(first.ts).slice(0, 10)} 〜 ${formatDateTime(last.ts).slice(0, 10)}）${answer.next ? `、続きあり（表示期間を短くしてください）` : ""}`
          : `${answer.symbol} の株価は保存されていません。一括取得ジョブで取得してください。`;
      canvas.setAttribute(
        "aria-label",
        first && last
          ? `${answer.symbol} のローソク足チャート。${formatCount(bars.length)} 本、終値 ${formatPrice(first.close)} から ${formatPrice(last.close)}`
          : "ローソク足チャート（データなし）",
      );
    } catch (error) {
      bars = [];
      summary.textContent = error instanceof Error ? error.message : String(error);
    }
    draw();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void load();
  });
  canvas.addEventListener("pointermove", (event) => {
    const index = indexAt(event.offsetX);
    if (index !== highlight) {
      highlight = index;
      draw();
    }
  });
  canvas.addEventListener("pointerleave", () => {
    highlight = null;
    draw();
  });
  canvas.addEventListener("keydown", (event) => {
    if (bars.length === 0 || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) return;
    event.preventDefault();
    const current = highlight ?? bars.length - 1;
    highlight = Math.min(bars.length - 1, Math.max(0, current + (event.key === "ArrowLeft" ? -1 : 1)));
    draw();
  });
  new ResizeObserver(() => draw()).observe(canvas);

  return { load, draw };
}
