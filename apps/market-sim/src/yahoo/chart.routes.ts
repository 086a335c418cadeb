import { Router, type Response } from "express";
import { z } from "zod";

import { YAHOO_INTRADAY_HISTORY_DAYS, YAHOO_RANGE_DAYS } from "@kabuto/providers";

import { seriesWithBadBars, type BadBar } from "../faults/bad-bars";
import type { MarketState } from "../market-state";
import { yahooAdjusted, type DailyBar } from "../prices/price-series";
import { INTERVAL_MINUTES, intradayBars } from "./intraday-bars";

/** How many days a range reaches back, with `max` as a century of history. */
const RANGE_DAYS: Record<string, number> = Object.fromEntries(
  Object.entries(YAHOO_RANGE_DAYS).map(([range, days]) => [range, Math.min(days, 36_500)]),
);
/** Intraday answers cover at most this many trading days (the newest), as Yahoo pages them. */
const INTRADAY_MAX_DAYS = 60;
const DAILY = new Set(["1d", "5d", "1wk", "1mo", "3mo"]);
const INTRADAY_DAYS: Record<string, number | undefined> = YAHOO_INTRADAY_HISTORY_DAYS;

/** Week, month and quarter bars: which period a trading date falls in. */
const PERIOD_OF: Record<string, (date: string) => string> = {
  "1wk": (date) => {
    const time = Date.parse(`${date}T00:00:00Z`);
    return new Date(time - ((new Date(time).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  },
  "1mo": (date) => date.slice(0, 7),
  "3mo": (date) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3)}`,
};

/**
 * Daily bars folded into one bar per period, as Yahoo answers the longer intervals: the first
 * open, the highest high, the lowest low, the last close and the summed volume, stamped with the
 * period's first trading day. Halted days are left out; the events stay the daily ones.
 */
function aggregate(
  bars: readonly DailyBar[],
  adjclose: readonly (number | null)[],
  periodOf: (date: string) => string,
) {
  const folded: DailyBar[] = [];
  const closes: (number | null)[] = [];
  let current: string | undefined;
  bars.forEach((bar, index) => {
    if (bar.close === null) return;
    const period = periodOf(bar.date);
    const last = folded.at(-1);
    if (period !== current || !last) {
      current = period;
      folded.push({ ...bar });
      closes.push(adjclose[index] ?? null);
      return;
    }
    last.high = Math.max(last.high!, bar.high!);
    last.low = Math.min(last.low!, bar.low!);
    last.close = bar.close;
    last.volume = (last.volume ?? 0) + (bar.volume ?? 0);
    closes[closes.length - 1] = adjclose[index] ?? null;
  });
  return { bars: folded, adjclose: closes };
}

const query = z.object({
  interval: z.string().default("1d"),
  range: z.string().optional(),
  period1: z.coerce.number().int().optional(),
  period2: z.coerce.number().int().optional(),
});

/** 09:00 JST, the stamp Yahoo gives daily bars, and 15:30 JST, the live last bar's last trade. */
const OPEN_UTC_SECONDS = 0;
const CLOSE_UTC_SECONDS = 6.5 * 3600;

function yahooError(response: Response, status: number, code: string, description: string) {
  response.status(status).json({ chart: { result: null, error: { code, description } } });
}

function epoch(date: string, offsetSeconds: number) {
  return Date.parse(`${date}T00:00:00Z`) / 1000 + offsetSeconds;
}

/** The UTC date of an epoch second, a day early: a superset start for the bars stamped from it on. */
function dayBefore(epochSeconds: number) {
  return new Date((epochSeconds - 86_400) * 1000).toISOString().slice(0, 10);
}

/**
 * What a request asks for: `range` (back from today), or Yahoo's `period1` (inclusive) to `period2`
 * (exclusive, default now) in epoch seconds, when no range is given.
 */
type Span = { range: string } | { period1: number; period2: number | undefined };

/** Yahoo's `/v8/finance/chart/:symbol`, daily bars of the simulated market in Yahoo's JSON shape. */
export function chartRoutes(state: MarketState, badBars: () => readonly BadBar[]): Router {
  const router = Router();
  router.get("/v8/finance/chart/:symbol", (request, response) => {
    const parsed = query.safeParse(request.query);
    const symbol = request.params.symbol;
    if (!parsed.success) return yahooError(response, 400, "Bad Request", "Invalid input");
    const { interval, period1, period2 } = parsed.data;
    const span: Span =
      parsed.data.range === undefined && period1 !== undefined
        ? { period1, period2 }
        : { range: parsed.data.range ?? "1mo" };
    if ("range" in span && !(span.range in RANGE_DAYS))
      return yahooError(response, 422, "Unprocessable Entity", `Invalid range: ${span.range}`);
    if ("period1" in span && span.period2 !== undefined && span.period1 > span.period2) {
      return yahooError(
        response,
        400,
        "Bad Request",
        `Invalid input - start date cannot be after end date. startDate = ${span.period1}, endDate = ${span.period2}`,
      );
    }
    const intradayLimit = INTRADAY_DAYS[interval];
    if (!DAILY.has(interval) && intradayLimit === undefined) {
      return yahooError(response, 400, "Bad Request", `Invalid interval: ${interval}`);
    }
    const today = state.today;
    const reachDays =
      "range" in span ? RANGE_DAYS[span.range]! : (epoch(today, CLOSE_UTC_SECONDS) - span.period1) / 86_400;
    if (intradayLimit !== undefined && reachDays > intradayLimit) {
      return yahooError(
        response,
        422,
        "Unprocessable Entity",
        `${interval} data not available for startTime and endTime. The requested range must be within the last ${intradayLimit} days.`,
      );
    }
    const listing = /^(.+)\.T$/.exec(symbol) ? state.listing(symbol.slice(0, -2)) : undefined;
    if (!listing) return yahooError(response, 404, "Not Found", "No data found, symbol may be delisted");

    const from =
      "range" in span
        ? new Date(Date.parse(`${today}T00:00:00Z`) - (RANGE_DAYS[span.range]! - 1) * 86_400_000)
            .toISOString()
            .slice(0, 10)
        : dayBefore(span.period1);
    // Adjusted over everything up to today, as Yahoo adjusts, then cut to the asked-for stamps.
    const wholeWindow = seriesWithBadBars(listing.code, state.bars(listing, from), badBars());
    const adjusted = yahooAdjusted(wholeWindow);
    const inSpan = (bar: DailyBar) => {
      if ("range" in span) return true;
      const stamp = epoch(bar.date, bar.date === today ? CLOSE_UTC_SECONDS : OPEN_UTC_SECONDS);
      return stamp >= span.period1 && (span.period2 === undefined || stamp < span.period2);
    };
    const kept = wholeWindow.map(inSpan);
    const window = wholeWindow.filter((_bar, index) => kept[index]);
    const bars = adjusted.bars.filter((_bar, index) => kept[index]);
    const adjclose = adjusted.adjclose.filter((_close, index) => kept[index]);
    const minutes = INTERVAL_MINUTES[interval];
    const periods = PERIOD_OF[interval] ? aggregate(bars, adjclose, PERIOD_OF[interval]) : undefined;
    const intraday =
      minutes === undefined
        ? undefined
        : bars
            .slice(-INTRADAY_MAX_DAYS)
            .flatMap((bar) => intradayBars(state.seed, listing.code, bar, minutes))
            .filter(
              (bar) =>
                "range" in span ||
                (bar.time >= span.period1 && (span.period2 === undefined || bar.time < span.period2)),
            );
    const shown = periods?.bars ?? bars;
    // The last bar carries its last trade's time only while it is today's (live) one.
    const live = bars.at(-1)?.date === today;
    const timestamp = intraday
      ? intraday.map((bar) => bar.time)
      : shown.map((bar, index) =>
          epoch(bar.date, index === shown.length - 1 && live ? CLOSE_UTC_SECONDS : OPEN_UTC_SECONDS),
        );
    const quote = intraday
      ? {
          open: intraday.map((bar) => bar.open),
          high: intraday.map((bar) => bar.high),
          low: intraday.map((bar) => bar.low),
          close: intraday.map((bar) => bar.close),
          volume: intraday.map((bar) => bar.volume),
        }
      : {
          open: shown.map((bar) => bar.open),
          high: shown.map((bar) => bar.high),
          low: shown.map((bar) => bar.low),
          close: shown.map((bar) => bar.close),
          volume: shown.map((bar) => bar.volume),
        };
    const last = bars.at(-1);
    const dividends = Object.fromEntries(
      bars.flatMap((bar) =>
        bar.dividend > 0 ? [[String(epoch(bar.date, 0)), { amount: bar.dividend, date: epoch(bar.date, 0) }]] : [],
      ),
    );
    const splits = Object.fromEntries(
      window.flatMap((bar) =>
        bar.split !== 1
          ? [
              [
                String(epoch(bar.date, 0)),
                { date: epoch(bar.date, 0), numerator: bar.split, denominator: 1, splitRatio: `${bar.split}:1` },
              ],
            ]
          : [],
      ),
    );
    const events = {
      ...(Object.keys(dividends).length > 0 ? { dividends } : {}),
      ...(Object.keys(splits).length > 0 ? { splits } : {}),
    };
    const todayStart = epoch(today, OPEN_UTC_SECONDS);
    const period = (start: number, end: number) => ({ timezone: "JST", start, end, gmtoffset: 32400 });
    response.json({
      chart: {
        result: [
          {
            meta: {
              currency: "JPY",
              symbol,
              exchangeName: "JPX",
              fullExchangeName: "Tokyo",
              instrumentType: listing.market === "etf" ? "ETF" : "EQUITY",
              firstTradeDate: timestamp[0] ?? null,
              regularMarketTime: timestamp.at(-1) ?? null,
              hasPrePostMarketData: false,
              gmtoffset: 32400,
              timezone: "JST",
              exchangeTimezoneName: "Asia/Tokyo",
              regularMarketPrice: last?.close ?? null,
              longName: listing.nameEnglish,
              shortName: listing.nameEnglish.toUpperCase().slice(0, 20),
              chartPreviousClose: bars[0]?.close ?? null,
              priceHint: 2,
              currentTradingPeriod: {
                pre: period(todayStart, todayStart),
                regular: period(todayStart, epoch(today, CLOSE_UTC_SECONDS)),
                post: period(epoch(today, CLOSE_UTC_SECONDS), epoch(today, CLOSE_UTC_SECONDS)),
              },
              dataGranularity: interval,
              range: "range" in span ? span.range : "",
              validRanges: ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"],
            },
            // A span without bars answers as Yahoo does: no timestamps, one empty quote.
            ...(timestamp.length > 0 ? { timestamp } : {}),
            ...(Object.keys(events).length > 0 ? { events } : {}),
            indicators: {
              quote: [timestamp.length > 0 ? quote : {}],
              ...(intraday
                ? {}
                : { adjclose: [timestamp.length > 0 ? { adjclose: periods?.adjclose ?? adjclose } : {}] }),
            },
          },
        ],
        error: null,
      },
    });
  });
  return router;
}
