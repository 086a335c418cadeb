/* global getComputedStyle, devicePixelRatio */
/** A candlestick chart with volume, drawn on a canvas: prices above, volume below, JST dates along the bottom. */

import { formatCount, formatPrice } from "./format.js";

const PADDING = { top: 12, right: 64, bottom: 26, left: 8 };
const VOLUME_SHARE = 0.2;
const PANE_GAP = 8;
const PRICE_TICKS = 5;

/**
 * @typedef {object} Bar
 * @property {string} ts ISO time
 * @property {number} open
 * @property {number} high
 * @property {number} low
 * @property {number} close
 * @property {number | null} volume
 */

/**
 * "Nice" tick values covering [min, max].
 * @param {number} min
 * @param {number} max
 * @param {number} count
 */
function ticks(min, max, count) {
  const raw = (max - min) / count || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const values = [];
  for (let value = Math.ceil(min / step) * step; value <= max; value += step) values.push(value);
  return values;
}

/** @param {string} ts @param {boolean} intraday */
function dateLabel(ts, intraday) {
  const jst = new Date(new Date(ts).getTime() + 9 * 3600_000).toISOString();
  return intraday ? `${jst.slice(5, 10)} ${jst.slice(11, 16)}` : jst.slice(0, 10);
}

/**
 * Draws the bars; returns the index of the bar under an x position, for the readout.
 * @param {HTMLCanvasElement} canvas
 * @param {Bar[]} bars oldest first, without null prices
 * @param {{ intraday: boolean, highlight: number | null }} options
 * @returns {(x: number) => number | null}
 */
export function drawCandles(canvas, bars, options) {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const scale = devicePixelRatio || 1;
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.clearRect(0, 0, width, height);

  const style = getComputedStyle(canvas);
  const color = (/** @type {string} */ name) => style.getPropertyValue(name).trim();
  const plotWidth = width - PADDING.left - PADDING.right;
  const plotHeight = height - PADDING.top - PADDING.bottom;
  const volumeHeight = plotHeight * VOLUME_SHARE;
  const priceHeight = plotHeight - volumeHeight - PANE_GAP;
  if (bars.length === 0 || plotWidth <= 0 || priceHeight <= 0) return () => null;

  const low = Math.min(...bars.map((bar) => bar.low));
  const high = Math.max(...bars.map((bar) => bar.high));
  const margin = (high - low) * 0.05 || high * 0.01 || 1;
  const [minPrice, maxPrice] = [low - margin, high + margin];
  const maxVolume = Math.max(1, ...bars.map((bar) => bar.volume ?? 0));
  const slot = plotWidth / bars.length;
  const body = Math.max(1, Math.min(slot * 0.7, 14));
  const x = (/** @type {number} */ index) => PADDING.left + slot * (index + 0.5);
  const y = (/** @type {number} */ price) => PADDING.top + ((maxPrice - price) / (maxPrice - minPrice)) * priceHeight;
  const volumeTop = PADDING.top + priceHeight + PANE_GAP;

  context.font = `12px ${style.fontFamily}`;
  context.textBaseline = "middle";
  context.lineWidth = 1;
  for (const value of ticks(minPrice, maxPrice, PRICE_TICKS)) {
    const lineY = Math.round(y(value)) + 0.5;
    context.strokeStyle = color("--grid");
    context.beginPath();
    context.moveTo(PADDING.left, lineY);
    context.lineTo(PADDING.left + plotWidth, lineY);
    context.stroke();
    context.fillStyle = color("--muted");
    context.fillText(formatPrice(value), PADDING.left + plotWidth + 6, lineY);
  }

  const labelEvery = Math.max(1, Math.ceil(bars.length / Math.max(1, Math.floor(plotWidth / 110))));
  context.textBaseline = "top";
  context.textAlign = "center";
  bars.forEach((bar, index) => {
    if (index % labelEvery !== 0) return;
    const label = dateLabel(bar.ts, options.intraday);
    const half = context.measureText(label).width / 2;
    const labelX = Math.min(Math.max(x(index), half + 2), PADDING.left + plotWidth - half);
    context.fillStyle = color("--muted");
    context.fillText(label, labelX, height - PADDING.bottom + 8);
  });
  context.textAlign = "start";

  if (options.highlight !== null) {
    context.fillStyle = color("--track");
    context.fillRect(x(options.highlight) - slot / 2, PADDING.top, slot, plotHeight);
  }

  bars.forEach((bar, index) => {
    const up = bar.close >= bar.open;
    const candleColor = color(up ? "--candle-up" : "--candle-down");
    const center = Math.round(x(index)) + 0.5;
    context.strokeStyle = candleColor;
    context.fillStyle = candleColor;
    context.beginPath();
    context.moveTo(center, y(bar.high));
    context.lineTo(center, y(bar.low));
    context.stroke();
    const top = y(Math.max(bar.open, bar.close));
    const bodyHeight = Math.max(1, y(Math.min(bar.open, bar.close)) - top);
    context.fillRect(center - body / 2, top, body, bodyHeight);
    if (bar.volume) {
      const barHeight = (bar.volume / maxVolume) * volumeHeight;
      context.globalAlpha = 0.45;
      context.fillRect(center - body / 2, volumeTop + volumeHeight - barHeight, body, barHeight);
      context.globalAlpha = 1;
    }
  });

  context.fillStyle = color("--muted");
  context.textBaseline = "top";
  context.fillText(`出来高 最大 ${formatCount(maxVolume)}`, PADDING.left + 4, volumeTop);

  return (pointerX) => {
    const index = Math.floor((pointerX - PADDING.left) / slot);
    return index >= 0 && index < bars.length ? index : null;
  };
}
