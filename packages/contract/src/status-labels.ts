import type { QualityCheckName } from "./quality-check-name.schema";
import type { BatchStatus, DetailStatus, ErrorClass, MasterSyncStatus } from "./status.schema";

/** How a status reads to people: Japanese as the CLI and the dashboard show it, and English. */
export interface StatusLabel {
  ja: string;
  en: string;
}

/** A bulk job's status as shown. */
export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, StatusLabel>> = {
  queued: { ja: "待機中", en: "Queued" },
  running: { ja: "実行中", en: "Running" },
  paused: { ja: "一時停止中", en: "Paused" },
  cancel_requested: { ja: "停止要求中", en: "Stopping" },
  cancelled: { ja: "停止済み", en: "Stopped" },
  completed: { ja: "完了", en: "Completed" },
  failed: { ja: "失敗", en: "Failed" },
};

/** A unit's status as shown. */
export const DETAIL_STATUS_LABELS: Readonly<Record<DetailStatus, StatusLabel>> = {
  pending: { ja: "未処理", en: "Pending" },
  processing: { ja: "処理中", en: "Processing" },
  completed: { ja: "完了", en: "Completed" },
  failed: { ja: "失敗", en: "Failed" },
  cancelled: { ja: "停止済み", en: "Stopped" },
};

/** A master sync run's status as shown. */
export const MASTER_SYNC_STATUS_LABELS: Readonly<Record<MasterSyncStatus, StatusLabel>> = {
  queued: { ja: "待機中", en: "Queued" },
  running: { ja: "実行中", en: "Running" },
  completed: { ja: "成功", en: "Succeeded" },
  failed: { ja: "失敗", en: "Failed" },
};

/** A failure class as shown; `unknown` for a failure recorded without one. */
export const ERROR_CLASS_LABELS: Readonly<Record<ErrorClass | "unknown", StatusLabel>> = {
  temporary: { ja: "一時的エラー", en: "Temporary error" },
  permanent: { ja: "恒久的エラー", en: "Permanent error" },
  system: { ja: "システムエラー", en: "System error" },
  unknown: { ja: "不明", en: "Unknown" },
};

/** A quality check as shown. */
export const QUALITY_CHECK_LABELS: Readonly<Record<QualityCheckName, StatusLabel>> = {
  ohlc_inconsistent: { ja: "四本値の矛盾", en: "OHLC inconsistent" },
  non_positive_price: { ja: "0 以下の価格", en: "Non-positive price" },
  negative_volume: { ja: "負の出来高", en: "Negative volume" },
  price_jump: { ja: "理由のない急変", en: "Jump without an action" },
  missing_trading_day: { ja: "営業日の欠け", en: "Missing trading day" },
  non_trading_day: { ja: "休場日の足", en: "Bar on a closed day" },
  cross_source_mismatch: { ja: "ソース間の終値差", en: "Sources disagree" },
};

/** Every label table, as the gateway hands it to the dashboard. */
export const STATUS_LABELS = {
  batch: BATCH_STATUS_LABELS,
  detail: DETAIL_STATUS_LABELS,
  masterSync: MASTER_SYNC_STATUS_LABELS,
  errorClass: ERROR_CLASS_LABELS,
  quality: QUALITY_CHECK_LABELS,
} as const;
