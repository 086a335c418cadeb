export interface Job {
  status: string;
  progress: { total: number; processed: number };
  summary?: { successful: number; failed: number; records: number };
  plan: { units: number; requests_estimated: number; requests_used: number };
}

/** One call to the gateway's REST API; rejects on anything but 2xx. */
export async function api<T>(gateway: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** Starts a batch and polls it to its end. */
export async function runBatch(gateway: string, body: object): Promise<Job> {
  const { job_id: jobId } = await api<{ job_id: string }>(gateway, "POST", "/api/bulk/start", body);
  return waitForEnd(gateway, jobId);
}

/**
 * Polls a batch to its end. The simulator shares this process: while it builds bulk files its
 * event loop is busy for seconds, and a poll that could not connect is simply made again.
 */
export async function waitForEnd(gateway: string, jobId: string): Promise<Job> {
  for (;;) {
    const job = await api<{ job: Job }>(gateway, "GET", `/api/bulk/status/${jobId}`).then(
      (answer) => answer.job,
      (error: unknown) => {
        if (error instanceof TypeError && error.message === "fetch failed") return undefined;
        throw error;
      },
    );
    if (job?.summary) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
