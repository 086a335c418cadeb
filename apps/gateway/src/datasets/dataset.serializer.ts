import type { DatasetBody } from "@kabuto/contract";
import type { DatasetExport, DatasetFile } from "@kabuto/db";

import { API_MOUNT_PATH } from "../openapi/openapi-document";

/** One dataset build as the dataset routes return it. */
export function serializeDataset(dataset: DatasetExport): DatasetBody {
  const done = dataset.status === "completed";
  const processed = done ? dataset.total : dataset.processed;
  const files = dataset.files as unknown as DatasetFile[];
  return {
    id: dataset.id,
    status: dataset.status,
    format: dataset.format,
    source: dataset.source,
    from: dataset.from.toISOString().slice(0, 10),
    to: dataset.to.toISOString().slice(0, 10),
    symbols: dataset.symbols.map((symbol) => symbol.slice(0, -2)),
    market_code: dataset.marketCode,
    progress: {
      total: dataset.total,
      processed,
      percentage: dataset.total === 0 ? (done ? 100 : 0) : Math.round((processed / dataset.total) * 1000) / 10,
    },
    rows: Number(dataset.rows),
    files: files.map((file) => ({
      name: file.name as DatasetBody["files"][number]["name"],
      bytes: file.bytes,
      url: `${API_MOUNT_PATH}/v1/datasets/${dataset.id}/files/${file.name}`,
    })),
    error: dataset.error,
    created_at: dataset.createdAt.toISOString(),
    started_at: dataset.startedAt?.toISOString() ?? null,
    finished_at: dataset.finishedAt?.toISOString() ?? null,
    expired_at: dataset.expiredAt?.toISOString() ?? null,
  };
}
