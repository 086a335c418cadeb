import path from "node:path";
import { rm } from "node:fs/promises";

import { PermanentError, type Logger } from "@kabuto/core";
import { applyDatasetRetention, buildDataset, type DuckDbLimits } from "@kabuto/dataset";
import { datasetExportRepository, symbolsWithBars, type BatchProgressPublisher, type Database } from "@kabuto/db";

/** Least time between two progress writes of one build. */
const PROGRESS_WRITE_MS = 250;

const day = (date: Date) => date.toISOString().slice(0, 10);

export interface DatasetBuildServiceDeps {
  db: Database;
  logger: Logger;
  /** Publishes a dataset's progress events (progressPublisher over readDatasetProgress). */
  progress: Pick<BatchProgressPublisher, "changed">;
  datasets: { dir: string; retention: number; limits: DuckDbLimits };
}

/** Builds one requested dataset into DATASETS_DIR/<id>/, reporting progress, then applies the retention count. */
export function createDatasetBuildService(deps: DatasetBuildServiceDeps) {
  const datasets = datasetExportRepository(deps.db.prisma);

  return {
    async run(datasetId: string): Promise<{ rows: number }> {
      const dataset = await datasets.find(datasetId);
      if (!dataset) throw new PermanentError(`dataset ${datasetId} not found`);
      const from = day(dataset.from);
      const to = day(dataset.to);
      const symbols = await symbolsWithBars(deps.db.pool, {
        source: dataset.source,
        from,
        to,
        symbols: dataset.symbols.length > 0 ? dataset.symbols : undefined,
        marketCode: dataset.marketCode ?? undefined,
      });
      await datasets.start(datasetId, symbols.length);
      await deps.progress.changed(datasetId, { statusChanged: true });

      let processed = 0;
      let lastWrite = 0;
      let writes: Promise<unknown> = Promise.resolve();
      const record = () => {
        lastWrite = Date.now();
        const done = processed;
        writes = writes
          .then(() => datasets.progress(datasetId, done))
          .then(() => deps.progress.changed(datasetId))
          .catch((error: unknown) => deps.logger.warn("dataset progress not recorded", { error: String(error) }));
      };
      const built = await buildDataset(
        {
          pool: deps.db.pool,
          limits: deps.datasets.limits,
          onSymbol: () => {
            processed += 1;
            if (Date.now() - lastWrite >= PROGRESS_WRITE_MS) record();
          },
          onStage: record,
        },
        {
          dir: path.join(deps.datasets.dir, datasetId),
          format: dataset.format,
          source: dataset.source,
          symbols,
          from,
          to,
          request: dataset.request,
        },
      );
      await writes;
      await datasets.complete(datasetId, { rows: built.rows, files: built.files });
      await deps.progress.changed(datasetId, { statusChanged: true });
      const expired = await applyDatasetRetention(datasets, deps.datasets.dir, deps.datasets.retention);
      deps.logger.info("dataset built", { dataset_id: datasetId, rows: built.rows, expired: expired.length });
      return { rows: built.rows };
    },

    /** Records a build that will not be retried as failed, without its partial files. */
    async fail(datasetId: string, error: string): Promise<void> {
      await datasets.fail(datasetId, error);
      await rm(path.join(deps.datasets.dir, datasetId), { recursive: true, force: true });
      await deps.progress.changed(datasetId, { statusChanged: true });
    },
  };
}

export type DatasetBuildService = ReturnType<typeof createDatasetBuildService>;
