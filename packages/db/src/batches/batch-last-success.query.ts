import type { PrismaClient } from "../generated/prisma/client";

/** When the last batch of each type completed; types never completed are absent. */
export async function lastCompletedBatches(prisma: PrismaClient): Promise<{ type: string; finishedAt: Date }[]> {
  const groups = await prisma.batchExecution.groupBy({
    by: ["type"],
    where: { status: "completed", finishedAt: { not: null } },
    _max: { finishedAt: true },
  });
  return groups.flatMap((group) =>
    group._max.finishedAt ? [{ type: group.type, finishedAt: group._max.finishedAt }] : [],
  );
}
