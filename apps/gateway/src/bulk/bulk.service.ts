import {
  BatchNotFoundError,
  BatchRequestError,
  BatchRetryError,
  BatchTransitionError,
  dailyUpdateRequest,
  type BatchControl,
  type PriceBatchRequest,
} from "@kabuto/batches";
import { toYahooSymbol, type BulkStartRequest } from "@kabuto/contract";
import { TemporaryError, tokyoDate, type BatchTransition, type Provider } from "@kabuto/core";
import type { BatchExecution } from "@kabuto/db";

import { ApiError } from "../http/api-error";

/** What a person is told when a batch is not in a state the action allows. */
const TRANSITION_REFUSED: Partial<Record<BatchTransition, string>> = {
  pause: "実行中のジョブだけを一時停止できます",
  resume: "一時停止中のジョブだけを再開できます",
  resumeUnstarted: "一時停止中のジョブだけを再開できます",
  stop: "このジョブはすでに終了しています",
};

/** The batch lifecycle's errors as HTTP errors. */
function toApiError(error: unknown): unknown {
  if (error instanceof BatchNotFoundError) return new ApiError("NOT_FOUND", "指定されたジョブが見つかりません");
  if (error instanceof BatchTransitionError)
    return new ApiError("CONFLICT", TRANSITION_REFUSED[error.transition] ?? error.message);
  if (error instanceof BatchRequestError) return new ApiError("VALIDATION_ERROR", error.message);
  if (error instanceof BatchRetryError) return new ApiError("CONFLICT", error.message);
  // Planning asked the upstream (J-Quants' list of bulk files) and it did not answer in time.
  if (error instanceof TemporaryError) return new ApiError("SERVICE_UNAVAILABLE", error.message);
  return error;
}

function mapped<Args extends unknown[]>(action: (...args: Args) => Promise<BatchExecution>) {
  return async (...args: Args): Promise<BatchExecution> => {
    try {
      return await action(...args);
    } catch (error) {
      throw toApiError(error);
    }
  };
}

/** How far back a batch that names neither a period nor dates reaches. */
const DEFAULT_PERIOD = "1mo";

function toBatchRequest(request: BulkStartRequest): PriceBatchRequest {
  return {
    provider: request.provider,
    interval: request.interval,
    period: request.period ?? DEFAULT_PERIOD,
    ...(request.from ? { range: { from: request.from, to: request.to ?? tokyoDate(new Date()) } } : {}),
    ...(request.symbols ? { symbols: [...new Set(request.symbols.map((symbol) => toYahooSymbol(symbol)!))] } : {}),
    ...(request.market_category ? { marketName: request.market_category } : {}),
  };
}

/** The bulk fetch API's actions: the batch lifecycle, its errors answered as HTTP errors. */
export function createBulkService(control: BatchControl) {
  return {
    find: mapped(control.find),
    start: mapped((request: BulkStartRequest) => control.start(toBatchRequest(request))),
    /** The daily update now: the batch the scheduler starts at 19:00. */
    update: mapped((provider: Provider) => control.start(dailyUpdateRequest(provider))),
    pause: mapped(control.pause),
    resume: mapped(control.resume),
    stop: mapped(control.stop),
    retry: mapped((batchId: string) => control.retry(batchId)),
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
