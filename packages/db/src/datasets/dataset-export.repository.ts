import type { DatasetExport, DatasetFormat, Prisma, PrismaClient, Provider } from "../generated/prisma/client";

/** A dataset build to record, as the gateway accepted it. */
export interface NewDatasetExport {
  id: string;
  format: DatasetFormat;
  source: Provider;
  from: string;
  to: string;
  /** Yahoo symbols; empty: every symbol with bars (of `marketCode`). */
  symbols: readonly string[];
  marketCode: string | undefined;
  request: Prisma.InputJsonValue;
}

/** One written file of a dataset. */
export interface DatasetFile {
  name: string;
  bytes: number;
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** Dataset builds: their rows in dataset_exports, from accepted to completed, failed or expired. */
export function datasetExportRepository(prisma: PrismaClient) {
  return {
    create(dataset: NewDatasetExport): Promise<DatasetExport> {
      return prisma.datasetExport.create({
        data: {
          id: dataset.id,
          format: dataset.format,
          source: dataset.source,
          from: utcDay(dataset.from),
          to: utcDay(dataset.to),
          symbols: [...dataset.symbols],
          marketCode: dataset.marketCode ?? null,
          request: dataset.request,
        },
      });
    },

    find(id: string): Promise<DatasetExport | null> {
      return prisma.datasetExport.findUnique({ where: { id } });
    },

    /** Newest first, a page at a time. */
    async list(page: { limit: number; offset: number }): Promise<{ datasets: DatasetExport[]; total: number }> {
      const [datasets, total] = await Promise.all([
        prisma.datasetExport.findMany({ orderBy: { createdAt: "desc" }, take: page.limit, skip: page.offset }),
        prisma.datasetExport.count(),
      ]);
      return { datasets, total };
    },

    /** Marks a build running (again, on a retry) over `total` symbols. */
    async start(id: string, total: number): Promise<void> {
      await prisma.datasetExport.update({
        where: { id },
        data: { status: "running", total, processed: 0, rows: 0, error: null, startedAt: new Date() },
      });
    },

    async progress(id: string, processed: number): Promise<void> {
      await prisma.datasetExport.update({ where: { id }, data: { processed } });
    },

    async complete(id: string, result: { rows: number; files: readonly DatasetFile[] }): Promise<void> {
      await prisma.datasetExport.update({
        where: { id },
        data: {
          status: "completed",
          rows: BigInt(result.rows),
          files: result.files.map((file) => ({ ...file })),
          finishedAt: new Date(),
        },
      });
    },

    async fail(id: string, error: string): Promise<void> {
      await prisma.datasetExport.update({
        where: { id },
        data: { status: "failed", error, finishedAt: new Date() },
      });
    },

    /**
     * Marks every completed dataset but the newest `keep` expired and returns their ids, so their
     * files can go.
     */
    async expireAllBut(keep: number): Promise<string[]> {
      const old = await prisma.datasetExport.findMany({
        where: { status: "completed", expiredAt: null },
        orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
        skip: keep,
        select: { id: true },
      });
      const ids = old.map((dataset) => dataset.id);
      if (ids.length > 0)
        await prisma.datasetExport.updateMany({
          where: { id: { in: ids } },
          data: { expiredAt: new Date(), files: [] },
        });
      return ids;
    },
  };
}

export type DatasetExportRepository = ReturnType<typeof datasetExportRepository>;
