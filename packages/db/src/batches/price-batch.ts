import { randomBytes } from "node:crypto";

import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import {
  DEFAULT_JOB_OPTIONS,
  JOB,
  JOB_QUEUE,
  jobId,
  tokyoDate,
  tradingDaysBetween,
  type FetchDatePayload,
  type FetchSymbolPayload,
  type Provider,
} from "@kabuto/core";

import type { BatchExecution, PrismaClient } from "../generated/prisma/client";
import type { BatchRepository } from "./batch.repository";

/** Jobs added per round trip to Redis. */
const ADD_CHUNK = 1_000;

/** The queue of each provider's price jobs (Yahoo: one per symbol; J-Quants: one per date). */
export type PriceQueues = Record<Provider, Pick<Queue, "addBulk">>;

/** Handles on both price queues for a producer (gateway, scheduler): it adds and removes jobs. */
export type PriceQueueHandles = Record<Provider, Queue>;

export function createPriceQueues(redis: Redis, prefix: string): PriceQueueHandles {
  return {
    yahoo: new Queue(JOB_QUEUE[JOB.FETCH_SYMBOL], { connection: redis, prefix }),
    jquants: new Queue(JOB_QUEUE[JOB.FETCH_DATE], { connection: redis, prefix }),
  };
}

export async function closePriceQueues(queues: PriceQueueHandles): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}

/** What to fetch: already validated; symbols in Yahoo form ("7203.T"), de-duplicated. */
export interface PriceBatchRequest {
  provider: Provider;
  interval: string;
  period: string;
  /** A list of symbols, or every active listing (of one market when `marketName` is given). */
  symbols?: readonly string[];
  marketName?: string;
  /** The scheduler's daily update rather than a batch someone asked for. */
  daily?: boolean;
}

/** Calendar months back of each period J-Quants batches understand ("1d" and "5d" count trading days). */
const PERIOD_MONTHS: Record<string, number> = {
  "1mo": 1,
  "3mo": 3,
  "6mo": 6,
  "1y": 12,
  "2y": 24,
  "5y": 60,
  "10y": 120,
  max: 240,
};

/** The trading dates a J-Quants batch of `period` covers, ending `today` (Tokyo), oldest first. */
export function tradingDatesOf(period: string, today: string): string[] {
  const trailing = { "1d": 1, "5d": 5 }[period];
  if (trailing !== undefined) {
    // Two calendar weeks always hold five trading days, year-end and Golden Week included.
    const twoWeeksBack = new Date(`${today}T00:00:00Z`);
    twoWeeksBack.setUTCDate(twoWeeksBack.getUTCDate() - 14);
    return tradingDaysBetween(twoWeeksBack.toISOString().slice(0, 10), today).slice(-trailing);
  }
  const from =
    period === "ytd"
      ? `${today.slice(0, 4)}-01-01`
      : (() => {
          const start = new Date(`${today}T00:00:00Z`);
          start.setUTCMonth(start.getUTCMonth() - (PERIOD_MONTHS[period] ?? 1));
          return start.toISOString().slice(0, 10);
        })();
  return tradingDaysBetween(from, today);
}

/** Adds the jobs of these units: symbols for Yahoo, trading dates for J-Quants. */
export async function enqueuePriceUnits(queues: PriceQueues, batch: BatchExecution, units: readonly string[]) {
  const name = batch.provider === "jquants" ? JOB.FETCH_DATE : JOB.FETCH_SYMBOL;
  for (let start = 0; start < units.length; start += ADD_CHUNK) {
    await queues[batch.provider].addBulk(
      units.slice(start, start + ADD_CHUNK).map((unit) => {
        const data: FetchSymbolPayload | FetchDatePayload =
          batch.provider === "jquants"
            ? { batchId: batch.id, date: unit, provider: "jquants" }
            : {
                batchId: batch.id,
                symbol: unit,
                provider: "yahoo",
                interval: batch.interval,
                ...(batch.period ? { period: batch.period } : {}),
              };
        return { name, data, opts: { ...DEFAULT_JOB_OPTIONS[JOB_QUEUE[name]], jobId: jobId(batch.id, unit) } };
      }),
    );
  }
}

/** Why a batch could not start: nothing to fetch. */
export class EmptyBatchError extends Error {}

/**
 * Records a price batch and enqueues its units: the gateway (POST /api/bulk/start) and the
 * scheduler (the daily update) both start batches this way. Yahoo batches are one unit per
 * symbol; J-Quants batches one unit per trading date, keeping the named symbols (none named:
 * the whole market).
 */
export async function startPriceBatch(
  deps: { prisma: PrismaClient; batches: BatchRepository; queues: PriceQueues },
  request: PriceBatchRequest,
  now = new Date(),
): Promise<BatchExecution> {
  const wholeMarket = request.symbols === undefined && request.marketName === undefined;
  const symbols =
    request.symbols ??
    (
      await deps.prisma.company.findMany({
        where: { isActive: true, ...(request.marketName ? { marketName: request.marketName } : {}) },
        select: { code: true },
        orderBy: { code: "asc" },
      })
    ).map((company) => `${company.code}.T`);
  if (symbols.length === 0) throw new EmptyBatchError("対象の銘柄がありません (銘柄マスタを同期してください)");
  const jquants = request.provider === "jquants";
  const units = jquants ? tradingDatesOf(request.period, tokyoDate(now)) : symbols;
  if (units.length === 0) throw new EmptyBatchError("この期間に東証の営業日がありません");
  const batch = await deps.batches.create({
    id: `job-${now.getTime()}-${randomBytes(3).toString("hex")}`,
    type: request.daily ? "daily_update" : wholeMarket ? "all_stocks" : "partial",
    provider: request.provider,
    unit: jquants ? "dates" : "symbols",
    interval: request.interval,
    period: request.period,
    units,
    ...(jquants && !wholeMarket ? { symbols } : {}),
  });
  await enqueuePriceUnits(deps.queues, batch, units);
  return batch;
}
