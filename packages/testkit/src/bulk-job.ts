import type { TestGateway } from "./test-gateway";
import { waitUntil } from "./wait-until";

/** A bulk job as the status route returns it. */
export interface BulkJob {
  status: string;
  progress: { total: number; processed: number; successful: number; failed: number };
  summary?: { successful: number; failed: number; records: number; failures_by_class: Record<string, number> };
}

/** What `waitForJob` waits for, and how the timeout message names it. */
export interface JobCondition {
  what: string;
  done: (job: BulkJob) => boolean;
}

export const JOB_FINISHED: JobCondition = { what: "its summary", done: (job) => job.summary !== undefined };

export const processedAtLeast = (count: number): JobCondition => ({
  what: `at least ${count} processed`,
  done: (job) => job.progress.processed >= count,
});

export const statusOtherThan = (status: string): JobCondition => ({
  what: `a status other than ${status}`,
  done: (job) => job.status !== status,
});

/** Long enough for the largest batch the tests run on a busy 2-core machine, shorter than their jest timeouts. */
const JOB_TIMEOUT_MS = 90_000;

async function gatewayJson(gateway: TestGateway, path: string, expectedStatus: number, init?: RequestInit) {
  const response = await fetch(`${gateway.url}${path}`, init);
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== expectedStatus) {
    throw new Error(
      `${init?.method ?? "GET"} ${path}: expected ${expectedStatus}, got ${response.status} ${JSON.stringify(body)}`,
    );
  }
  return body;
}

/** Starts a bulk job and returns its id. */
export async function startBulkJob(gateway: TestGateway, body: object): Promise<string> {
  const started = await gatewayJson(gateway, "/api/bulk/start", 202, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return started.job_id as string;
}

export async function bulkStatus(gateway: TestGateway, id: string): Promise<BulkJob> {
  return (await gatewayJson(gateway, `/api/bulk/status/${id}`, 200)).job as BulkJob;
}

/** Polls a job until the condition holds (by default: until it has its summary). */
export function waitForJob(gateway: TestGateway, id: string, until: JobCondition = JOB_FINISHED): Promise<BulkJob> {
  return waitUntil(`bulk job ${id} to show ${until.what}`, () => bulkStatus(gateway, id), until.done, {
    timeoutMs: JOB_TIMEOUT_MS,
  });
}
