import type { z } from "zod";

import {
  bulkActionResponseSchema,
  bulkJobResponseSchema,
  bulkJobsResponseSchema,
  bulkRetryResponseSchema,
  bulkStartResponseSchema,
  datasetAcceptedSchema,
  datasetResponseSchema,
  errorBodySchema,
  type DatasetRequestBody,
  type BulkUpdateRequest,
  pricesResponseSchema,
  syncStartResponseSchema,
  syncStatusResponseSchema,
} from "@kabuto/contract";

import { CliError } from "./cli-error";

/** The gateway answered with its error body (or another non-2xx status). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from `Retry-After`, when the gateway sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** The gateway could not be reached at all. */
export class GatewayUnreachableError extends CliError {
  constructor(baseUrl: string, cause: unknown) {
    super(`ゲートウェイに接続できません: ${baseUrl} (${describe(cause)}); --url か KABUTO_URL を確認してください`);
    this.name = "GatewayUnreachableError";
  }
}

/** fetch's own message is "fetch failed": the reason is in its cause, whose message may be empty (AggregateError). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: string }) | undefined;
  return cause?.message || cause?.code || error.message;
}

/** What the CLI sends to `POST /api/bulk/start`: the gateway checks intervals and periods. */
export interface BulkStartBody {
  symbols?: string[];
  all?: boolean;
  market_category?: string;
  interval?: string;
  period?: string;
  provider?: string;
}

/** What the CLI sends to `POST /api/bulk/update`. */
export type BulkUpdateBody = BulkUpdateRequest;

export type BulkAction = "stop" | "pause" | "resume";

const REQUEST_TIMEOUT_MS = 15_000;

/** The gateway's REST API, each answer checked against its schema. */
export function createApiClient(options: { baseUrl: string; apiKey?: string; fetch: typeof fetch }) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.apiKey) headers["x-api-key"] = options.apiKey;

  async function call<S extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await options.fetch(`${options.baseUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new GatewayUnreachableError(options.baseUrl, error);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(`ゲートウェイの応答が JSON ではありません: ${method} ${path} → HTTP ${response.status}`);
    }
    if (!response.ok) {
      const error = errorBodySchema.safeParse(json);
      const retryAfter = Number(response.headers.get("retry-after"));
      throw new ApiRequestError(
        response.status,
        error.success ? error.data.error : `HTTP_${response.status}`,
        error.success ? error.data.message : `${method} ${path} → HTTP ${response.status}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(
        `ゲートウェイの応答が想定と違います: ${method} ${path} (${issue?.path.join(".") ?? ""} ${issue?.message ?? ""})`,
      );
    }
    return parsed.data;
  }

  const jobPath = (jobId: string) => encodeURIComponent(jobId);

  /** A file route's answer, its body not yet read; an error answer throws like `call`'s. */
  async function download(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await options.fetch(`${options.baseUrl}${path}`, { headers: { ...headers, accept: "*/*" } });
    } catch (error) {
      throw new GatewayUnreachableError(options.baseUrl, error);
    }
    if (response.ok && response.body) return response;
    const error = errorBodySchema.safeParse(await response.json().catch(() => undefined));
    throw new ApiRequestError(
      response.status,
      error.success ? error.data.error : `HTTP_${response.status}`,
      error.success ? error.data.message : `GET ${path} → HTTP ${response.status}`,
    );
  }

  return {
    baseUrl: options.baseUrl,
    startBulk: (body: BulkStartBody) => call("POST", "/api/bulk/start", bulkStartResponseSchema, body),
    startUpdate: (body: BulkUpdateBody) => call("POST", "/api/bulk/update", bulkStartResponseSchema, body),
    bulkStatus: async (jobId: string) =>
      (await call("GET", `/api/bulk/status/${jobPath(jobId)}`, bulkJobResponseSchema)).job,
    bulkAction: (action: BulkAction, jobId: string) =>
      call("POST", `/api/bulk/${action}/${jobPath(jobId)}`, bulkActionResponseSchema),
    retryBulk: (jobId: string) => call("POST", `/api/bulk/retry/${jobPath(jobId)}`, bulkRetryResponseSchema),
    bulkJobs: (limit: number, offset: number) =>
      call("GET", `/api/bulk/jobs?limit=${limit}&offset=${offset}`, bulkJobsResponseSchema),
    prices: (code: string, query: URLSearchParams) =>
      call("GET", `/api/v1/prices/${encodeURIComponent(code)}?${query}`, pricesResponseSchema),
    startDataset: (body: DatasetRequestBody) => call("POST", "/api/v1/datasets", datasetAcceptedSchema, body),
    dataset: async (datasetId: string) =>
      (await call("GET", `/api/v1/datasets/${jobPath(datasetId)}`, datasetResponseSchema)).dataset,
    /** `path` as the gateway names it (a dataset file's `url`, `/api/v1/prices/export?…`). */
    download,
    startSync: (source: string) => call("POST", "/api/v1/companies/sync", syncStartResponseSchema, { source }),
    syncStatus: (limit: number) =>
      call("GET", `/api/v1/companies/sync/status?limit=${limit}`, syncStatusResponseSchema),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
