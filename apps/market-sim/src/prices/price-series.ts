import { hash, normal, seededRandom } from "../random";

/** One simulated trading day of one listing. Null prices: no trade that day (a halt). */
export interface DailyBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  /** Dividend (yen per share) going ex on this day; 0 when none. */
  dividend: number;
  /** New shares per old share from this day on (a 3:1 split is 3); 1 when none. */
  split: number;
  /** The close is at the daily price limit: 1 up, -1 down, 0 neither. */
  limit: -1 | 0 | 1;
}

/** A simplification of the TSE's daily price limits (a band per price level, roughly ±20 %). */
const DAILY_LIMIT = 0.2;
/** Trading days per block: the unit of lazy generation and caching. */
export const BLOCK_DAYS = 64;
/** Blocks kept in memory, oldest made first out: a year of the whole market (4,400 listings × 4 blocks) fits. */
const CACHED_BLOCKS = 24_000;

// Bound once: global lookups are slow inside a vm context (see ../random.ts).
const { round, max, min, exp, log, sqrt, floor } = Math;

/** Yen ticks: whole yen from 1,000, tenths below. */
function tick(price: number): number {
  return price >= 1000 ? round(price) : round(price * 10) / 10;
}

/** A block's days, columnar (NaN where there was no trade). */
interface BlockColumns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  dividend: Float64Array;
  split: Float64Array;
  limit: Int8Array;
}

/** What a listing's whole history looks like at block granularity, cheap to compute for every listing. */
interface SeriesPlan {
  volatility: number;
  /** Log of the split-free value at the start of each block (and one past the last). */
  logValueAt: Float64Array;
  /** Shares per original share at the start of each block (and one past the last). */
  sharesAt: Float64Array;
  blocks: { splitDay: number; splitRatio: number; limitUpDay: number; limitDownDay: number }[];
}

/**
 * Seeded random walks for every listing over `dayCount` trading days, made lazily block by block so
 * that any window of any listing costs only its own blocks: a year of the whole market, not ten
 * years of it. The walk is in a split-free value; the traded price is that value divided by the
 * shares outstanding per original share, so a split (about one day in 3,000) drops the price by its
 * ratio. Each block's total move is drawn first (from the listing's plan) and the days in between
 * are a Brownian bridge to it, which keeps blocks independent and the path continuous. About one day
 * in 400 is a halt (no prices), one in 500 closes at its daily limit; now and then a dividend.
 */
export function createPriceBook(seed: number, dayCount: number) {
  const blockCount = Math.ceil(dayCount / BLOCK_DAYS);
  const plans = new Map<string, SeriesPlan>();
  const blocks = new Map<string, BlockColumns>();

  function planOf(code: string): SeriesPlan {
    const cached = plans.get(code);
    if (cached) return cached;
    const random = seededRandom(hash("prices", seed, code));
    const volatility = 0.01 + random() * 0.02;
    const logValueAt = new Float64Array(blockCount + 1);
    const sharesAt = new Float64Array(blockCount + 1);
    logValueAt[0] = log(200 + random() * 8000);
    sharesAt[0] = 1;
    const planned: SeriesPlan["blocks"] = [];
    for (let block = 0; block < blockCount; block++) {
      const splitDay = random() < BLOCK_DAYS / 3000 ? floor(random() * BLOCK_DAYS) : -1;
      const splitRatio = random() < 0.5 ? 2 : 3;
      const limitUpDay = random() < BLOCK_DAYS / 1000 ? floor(random() * BLOCK_DAYS) : -1;
      const limitDown = random() < BLOCK_DAYS / 1000 ? floor(random() * BLOCK_DAYS) : -1;
      const limitDownDay = limitDown === limitUpDay ? -1 : limitDown;
      const fixedDays = (limitUpDay >= 0 ? 1 : 0) + (limitDownDay >= 0 ? 1 : 0);
      const fixedMove = (limitUpDay >= 0 ? log(1 + DAILY_LIMIT) : 0) + (limitDownDay >= 0 ? log(1 - DAILY_LIMIT) : 0);
      const freeMove = normal(random) * volatility * sqrt(BLOCK_DAYS - fixedDays);
      logValueAt[block + 1] = logValueAt[block]! + fixedMove + freeMove;
      sharesAt[block + 1] = sharesAt[block]! * (splitDay >= 0 ? splitRatio : 1);
      planned.push({ splitDay, splitRatio, limitUpDay, limitDownDay });
    }
    const plan = { volatility, logValueAt, sharesAt, blocks: planned };
    plans.set(code, plan);
    return plan;
  }

  function blockOf(code: string, block: number): BlockColumns {
    const key = `${code}\u0000${block}`;
    const cached = blocks.get(key);
    if (cached) return cached;
    const plan = planOf(code);
    const { splitDay, splitRatio, limitUpDay, limitDownDay } = plan.blocks[block]!;
    const random = seededRandom(hash("block", seed, code, block));
    const moves = new Float64Array(BLOCK_DAYS);
    let total = 0;
    let freeDays = 0;
    for (let day = 0; day < BLOCK_DAYS; day++) {
      if (day === limitUpDay) moves[day] = log(1 + DAILY_LIMIT);
      else if (day === limitDownDay) moves[day] = log(1 - DAILY_LIMIT);
      else {
        moves[day] = normal(random) * plan.volatility;
        freeDays += 1;
      }
      total += moves[day]!;
    }
    // The free days share what separates the drawn walk from the block's planned end (the bridge).
    const correction = (plan.logValueAt[block + 1]! - plan.logValueAt[block]! - total) / freeDays;

    const columns: BlockColumns = {
      open: new Float64Array(BLOCK_DAYS),
      high: new Float64Array(BLOCK_DAYS),
      low: new Float64Array(BLOCK_DAYS),
      close: new Float64Array(BLOCK_DAYS),
      volume: new Float64Array(BLOCK_DAYS),
      dividend: new Float64Array(BLOCK_DAYS),
      split: new Float64Array(BLOCK_DAYS).fill(1),
      limit: new Int8Array(BLOCK_DAYS),
    };
    let logValue = plan.logValueAt[block]!;
    let shares = plan.sharesAt[block]!;
    for (let day = 0; day < BLOCK_DAYS; day++) {
      const isLimit = day === limitUpDay || day === limitDownDay;
      if (day === splitDay) {
        shares *= splitRatio;
        columns.split[day] = splitRatio;
      }
      const previous = exp(logValue) / shares;
      logValue += moves[day]! + (isLimit ? 0 : correction);
      const halted = random() < 0.0025;
      const openNoise = normal(random);
      const highNoise = random();
      const lowNoise = random();
      const volume = round(1000 + random() * 20_000) * 100;
      const dividendDraw = random();
      if (halted && !isLimit) {
        for (const column of [columns.open, columns.high, columns.low, columns.close, columns.volume])
          column[day] = NaN;
        continue;
      }
      const close = tick(max(1, exp(logValue) / shares));
      const open = tick(previous * (1 + openNoise * plan.volatility * 0.3));
      columns.open[day] = open;
      columns.close[day] = close;
      columns.high[day] = day === limitUpDay ? close : tick(max(open, close) * (1 + highNoise * plan.volatility));
      columns.low[day] = day === limitDownDay ? close : tick(min(open, close) * (1 - lowNoise * plan.volatility));
      columns.volume[day] = volume;
      columns.dividend[day] = dividendDraw < 0.004 ? tick(close * 0.01) : 0;
      columns.limit[day] = day === limitUpDay ? 1 : day === limitDownDay ? -1 : 0;
    }
    blocks.set(key, columns);
    if (blocks.size > CACHED_BLOCKS) blocks.delete(blocks.keys().next().value!);
    return columns;
  }

  const orNull = (value: number) => (Number.isNaN(value) ? null : value);

  return {
    /** The bar of `code` on trading day `index` (0 = the first day of the history), as traded. */
    bar(code: string, index: number, date: string): DailyBar {
      const columns = blockOf(code, floor(index / BLOCK_DAYS));
      const day = index % BLOCK_DAYS;
      return {
        date,
        open: orNull(columns.open[day]!),
        high: orNull(columns.high[day]!),
        low: orNull(columns.low[day]!),
        close: orNull(columns.close[day]!),
        volume: orNull(columns.volume[day]!),
        dividend: columns.dividend[day]!,
        split: columns.split[day]!,
        limit: columns.limit[day]! as DailyBar["limit"],
      };
    },
    /** The planned splits of `code` from trading day `from` to `to` (indexes, both included). */
    splitsBetween(code: string, from: number, to: number): { index: number; ratio: number }[] {
      return planOf(code).blocks.flatMap((block, number) => {
        const index = number * BLOCK_DAYS + block.splitDay;
        return block.splitDay >= 0 && index >= from && index <= to ? [{ index, ratio: block.splitRatio }] : [];
      });
    },
    /** Shares per original share after trading day `index` (splits up to and including that day). */
    sharesAfter(code: string, index: number): number {
      const block = floor(index / BLOCK_DAYS);
      const plan = planOf(code);
      const { splitDay, splitRatio } = plan.blocks[block]!;
      return plan.sharesAt[block]! * (splitDay >= 0 && splitDay <= index % BLOCK_DAYS ? splitRatio : 1);
    },
  };
}

export type PriceBook = ReturnType<typeof createPriceBook>;

/**
 * What Yahoo serves for a window of bars: OHLC and dividends divided by every later split in the
 * window (volume multiplied), and adjclose that also takes out every later dividend.
 */
export function yahooAdjusted(bars: readonly DailyBar[]): { bars: DailyBar[]; adjclose: (number | null)[] } {
  const adjusted: DailyBar[] = new Array(bars.length);
  const adjclose: (number | null)[] = new Array(bars.length).fill(null);
  let splitFactor = 1;
  let dividendFactor = 1;
  const unsplit = (value: number | null, factor: number) =>
    value === null ? null : round((value / factor) * 1e6) / 1e6;
  for (let index = bars.length - 1; index >= 0; index--) {
    const bar = bars[index]!;
    adjusted[index] = {
      ...bar,
      open: unsplit(bar.open, splitFactor),
      high: unsplit(bar.high, splitFactor),
      low: unsplit(bar.low, splitFactor),
      close: unsplit(bar.close, splitFactor),
      volume: bar.volume === null ? null : bar.volume * splitFactor,
      dividend: unsplit(bar.dividend, splitFactor)!,
    };
    adjclose[index] = bar.close === null ? null : round((bar.close / splitFactor) * dividendFactor * 1e6) / 1e6;
    if (bar.dividend > 0 && bar.close !== null) dividendFactor *= 1 - bar.dividend / bar.close;
    splitFactor *= bar.split;
  }
  return { bars: adjusted, adjclose };
}
