import type { Pool } from "pg";

import { QUALITY_CHECKS, type QualityCheckName } from "@kabuto/contract";
import type { Provider } from "@kabuto/core";

import type { PrismaClient, QualityCheck } from "../generated/prisma/client";
import { QUALITY_CHECK_SQL, bindNamed } from "./quality-check.sql";
import { qualityCountsByRun } from "./quality-issue.query";

/** What one check run covers: one source's daily bars of some symbols (undefined: every one) over Tokyo dates. */
export interface QualityScope {
  source: Provider;
  symbols: readonly string[] | undefined;
  from: string;
  to: string;
  /** The TSE trading days from `from` to `to`. */
  tradingDays: readonly string[];
}

/** An on-demand check run to record. */
export interface NewQualityCheck {
  id: string;
  /** Undefined: both sources, and Yahoo against J-Quants. */
  source: Provider | undefined;
  symbols: readonly string[] | undefined;
  from: string;
  to: string;
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** Quality check runs and the checks themselves (raw SQL over price_bars, see quality-check.sql.ts). */
export function qualityCheckRepository(prisma: PrismaClient, pool: Pool) {
  return {
    /** Records the check run that follows a batch (its id is the batch's); recording it twice keeps one. */
    async createForBatch(batchId: string): Promise<void> {
      await prisma.qualityCheck.upsert({
        where: { id: batchId },
        create: { id: batchId, batchId, symbols: [] },
        update: {},
      });
    },

    async create(check: NewQualityCheck): Promise<QualityCheck> {
      return prisma.qualityCheck.create({
        data: {
          id: check.id,
          source: check.source ?? null,
          symbols: [...(check.symbols ?? [])],
          from: new Date(`${check.from}T00:00:00Z`),
          to: new Date(`${check.to}T00:00:00Z`),
        },
      });
    },

    find(id: string): Promise<QualityCheck | null> {
      return prisma.qualityCheck.findUnique({ where: { id } });
    },

    /** Marks a run running (again, on a retry) with the range it covers. */
    async start(id: string, range: { from: string; to: string } | undefined): Promise<void> {
      await prisma.qualityCheck.update({
        where: { id },
        data: {
          status: "running",
          startedAt: new Date(),
          error: null,
          ...(range ? { from: new Date(`${range.from}T00:00:00Z`), to: new Date(`${range.to}T00:00:00Z`) } : {}),
        },
      });
    },

    /** Marks a run completed with the number of issues it found; returns that number. */
    async complete(id: string): Promise<number> {
      const issues = await prisma.qualityIssue.count({ where: { batchId: id } });
      await prisma.qualityCheck.update({
        where: { id },
        data: { status: "completed", issues, finishedAt: new Date() },
      });
      return issues;
    },

    async fail(id: string, error: string): Promise<void> {
      await prisma.qualityCheck.update({ where: { id }, data: { status: "failed", error, finishedAt: new Date() } });
    },

    /** Runs every check but the cross-source one over `scope`, recording what they find under `runId`. */
    async runSingleSourceChecks(runId: string, scope: QualityScope): Promise<void> {
      for (const check of QUALITY_CHECKS) {
        if (check !== "cross_source_mismatch") await run(check, runId, scope);
      }
    },

    /** Compares Yahoo's and J-Quants' closes over `scope`, recording mismatches under `scope.source`. */
    async runCrossSourceCheck(runId: string, scope: QualityScope): Promise<void> {
      await run("cross_source_mismatch", runId, scope);
    },

    /** The latest day a source has a daily bar of any of `symbols` (one index probe per symbol). */
    async lastStoredDay(source: Provider, symbols: readonly string[]): Promise<string | undefined> {
      const { rows } = await pool.query<{ day: string | null }>(
        `SELECT to_char(max((last_ts AT TIME ZONE 'Asia/Tokyo')::date), 'YYYY-MM-DD') AS day FROM (
           SELECT (SELECT max(b.ts) FROM price_bars b WHERE b.source = $1 AND b.symbol = s AND b.interval = '1d') AS last_ts
           FROM unnest($2::text[]) s) spans`,
        [source, symbols],
      );
      return rows[0]?.day ?? undefined;
    },

    /** Issues per check of each completed run, in one query; runs not completed are absent. */
    countsByRun: (runIds: readonly string[]) => qualityCountsByRun(prisma, runIds),
  };

  async function run(check: QualityCheckName, runId: string, scope: QualityScope): Promise<void> {
    const { text, values } = bindNamed(QUALITY_CHECK_SQL[check], {
      run: runId,
      source: scope.source,
      symbols: scope.symbols ? [...scope.symbols] : null,
      from: scope.from,
      to: scope.to,
      trading_days: [...scope.tradingDays],
    });
    await pool.query(text, values);
  }
}

/** A check run's dates as YYYY-MM-DD. */
export function qualityCheckRange(check: QualityCheck): { from: string | null; to: string | null } {
  return { from: day(check.from), to: day(check.to) };
}

export type QualityCheckRepository = ReturnType<typeof qualityCheckRepository>;
