import { MAX_SYMBOLS } from "@kabuto/contract";
import { PermanentError, PROVIDERS, tradingDaysBetween, type Logger, type Provider } from "@kabuto/core";
import {
  batchQueryRepository,
  qualityCheckRepository,
  type Database,
  type QualityCheck,
  type QualityScope,
} from "@kabuto/db";
import { YAHOO_RANGE_DAYS, type YahooRange } from "@kabuto/providers";

/** Where a `max` range starts: the calendar's rules reach back to 1980. */
const EARLIEST_DAY = "1980-01-01";
const DAY_MS = 86_400_000;

/** What one run checks: each source's own checks, then Yahoo against J-Quants recorded under `crossSource`. */
interface RunPlan {
  range: { from: string; to: string } | undefined;
  scopes: QualityScope[];
  crossSource: Provider;
}

function scopeOf(source: Provider, symbols: readonly string[] | undefined, from: string, to: string): QualityScope {
  return { source, symbols, from, to, tradingDays: tradingDaysBetween(from, to) };
}

function daysBefore(date: string, days: number): string {
  if (!Number.isFinite(days)) return EARLIEST_DAY;
  return new Date(Date.parse(`${date}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Runs the quality checks of one check run and records what they find (see quality-check.sql.ts in @kabuto/db). */
export function createQualityCheckService(deps: { db: Database; logger: Logger }) {
  const checks = qualityCheckRepository(deps.db.prisma, deps.db.pool);
  const batches = batchQueryRepository(deps.db.prisma);

  /**
   * A batch's run covers its source's daily bars of the units it completed: J-Quants' dates (the
   * batch's symbols, or the whole market), or Yahoo's symbols over the range they were fetched
   * for, back from the latest bar stored.
   */
  async function batchPlan(batchId: string): Promise<RunPlan> {
    const batch = await batches.find(batchId);
    if (!batch) throw new PermanentError(`batch ${batchId} not found`);
    const none: RunPlan = { range: undefined, scopes: [], crossSource: batch.provider };
    if (batch.interval !== "1d") return none;
    const { units } = await batches.units(batchId, { status: "completed", limit: MAX_SYMBOLS, offset: 0 });
    const done = units.map((unit) => unit.symbol).sort();
    if (done.length === 0) return none;
    let symbols: readonly string[] | undefined = done;
    let range: { from: string; to: string };
    if (batch.unit === "dates") {
      symbols = batch.symbols.length > 0 ? batch.symbols : undefined;
      range = { from: done[0]!, to: done.at(-1)! };
    } else {
      const to = await checks.lastStoredDay(batch.provider, done);
      if (!to) return none;
      range = { from: daysBefore(to, YAHOO_RANGE_DAYS[(batch.period ?? "1mo") as YahooRange] ?? 31), to };
    }
    return { range, scopes: [scopeOf(batch.provider, symbols, range.from, range.to)], crossSource: batch.provider };
  }

  function requestedPlan(check: QualityCheck): RunPlan {
    const from = check.from!.toISOString().slice(0, 10);
    const to = check.to!.toISOString().slice(0, 10);
    const symbols = check.symbols.length > 0 ? check.symbols : undefined;
    const sources = check.source ? [check.source] : PROVIDERS;
    return {
      range: undefined,
      scopes: sources.map((source) => scopeOf(source, symbols, from, to)),
      crossSource: check.source ?? "yahoo",
    };
  }

  return {
    /** Runs every check of `checkId` (re-running finds the same issues, never more), then marks it completed. */
    async run(checkId: string): Promise<{ issues: number }> {
      const check = await checks.find(checkId);
      if (!check) throw new PermanentError(`quality check ${checkId} not found`);
      const plan = check.batchId ? await batchPlan(check.batchId) : requestedPlan(check);
      await checks.start(checkId, plan.range);
      for (const scope of plan.scopes) await checks.runSingleSourceChecks(checkId, scope);
      const [first] = plan.scopes;
      if (first) await checks.runCrossSourceCheck(checkId, { ...first, source: plan.crossSource });
      const issues = await checks.complete(checkId);
      deps.logger.info("quality checks done", { check_id: checkId, issues });
      return { issues };
    },

    /** Records a run that will not be retried as failed. */
    fail: (checkId: string, error: string) => checks.fail(checkId, error),
  };
}

export type QualityCheckService = ReturnType<typeof createQualityCheckService>;
