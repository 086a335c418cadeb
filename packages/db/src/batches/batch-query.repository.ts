import type { BatchExecution, BatchExecutionDetail, DetailStatus, PrismaClient } from "../generated/prisma/client";
import type { Page } from "../page";
import { qualityCountsByRun } from "../quality/quality-issue.query";

/** The bulk routes' reads of batches and their units. */
export function batchQueryRepository(prisma: PrismaClient) {
  return {
    find(batchId: string): Promise<BatchExecution | null> {
      return prisma.batchExecution.findUnique({ where: { id: batchId } });
    },

    /** Batches newest first, and how many there are in all. */
    async page(page: Page): Promise<{ batches: BatchExecution[]; total: number }> {
      const [batches, total] = await Promise.all([
        prisma.batchExecution.findMany({ orderBy: { createdAt: "desc" }, take: page.limit, skip: page.offset }),
        prisma.batchExecution.count(),
      ]);
      return { batches, total };
    },

    /** Failed units per error class of each batch (`unknown` when none was recorded), in one query. */
    async failuresByClass(batchIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
      const groups = await prisma.batchExecutionDetail.groupBy({
        by: ["batchId", "errorClass"],
        where: { batchId: { in: [...batchIds] }, status: "failed" },
        _count: { _all: true },
      });
      const byBatch = new Map<string, Record<string, number>>();
      for (const group of groups) {
        const classes = byBatch.get(group.batchId) ?? {};
        classes[group.errorClass ?? "unknown"] = group._count._all;
        byBatch.set(group.batchId, classes);
      }
      return byBatch;
    },

    /** Issues per quality check of each batch whose checks have run; batches not checked yet are absent. */
    quality(batchIds: readonly string[]) {
      return qualityCountsByRun(prisma, batchIds);
    },

    /** A batch's units in the order they were planned, optionally of one status, and their count. */
    async units(
      batchId: string,
      query: Page & { status?: DetailStatus | undefined },
    ): Promise<{ units: BatchExecutionDetail[]; total: number }> {
      const where = { batchId, ...(query.status ? { status: query.status } : {}) };
      const [units, total] = await Promise.all([
        prisma.batchExecutionDetail.findMany({ where, orderBy: { id: "asc" }, take: query.limit, skip: query.offset }),
        prisma.batchExecutionDetail.count({ where }),
      ]);
      return { units, total };
    },
  };
}

/** The bulk routes' reads. */
export type BatchQueryRepository = ReturnType<typeof batchQueryRepository>;
