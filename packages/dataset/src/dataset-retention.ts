import { rm } from "node:fs/promises";
import path from "node:path";

import type { DatasetExportRepository } from "@kabuto/db";

/** Keeps the newest `keep` completed datasets' files under `dir`; returns the ids whose files went. */
export async function applyDatasetRetention(
  datasets: Pick<DatasetExportRepository, "expireAllBut">,
  dir: string,
  keep: number,
): Promise<string[]> {
  const expired = await datasets.expireAllBut(keep);
  await Promise.all(expired.map((id) => rm(path.join(dir, id), { recursive: true, force: true })));
  return expired;
}
