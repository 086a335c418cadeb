/** The files of a dataset, by format, and metadata.json beside each. */
export const DATASET_FILES = {
  parquet: "dataset.parquet",
  csv: "dataset.csv",
  metadata: "metadata.json",
} as const;

export type DatasetFileName = (typeof DATASET_FILES)[keyof typeof DATASET_FILES];

/** The content type each file is served with. */
export const DATASET_CONTENT_TYPES: Record<DatasetFileName, string> = {
  "dataset.parquet": "application/vnd.apache.parquet",
  "dataset.csv": "text/csv; charset=utf-8",
  "metadata.json": "application/json; charset=utf-8",
};
