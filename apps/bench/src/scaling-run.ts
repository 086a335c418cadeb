import type { startMarketSim } from "@kabuto/market-sim";
import { spawnApp, type SpawnedApp } from "@kabuto/testkit";

import { runBatch } from "./bench-api";

const LATENCY_MS = 100;
const CONCURRENCY = 8;
const FLEETS = [1, 4] as const;

/** NODE_OPTIONS of the worker processes only, e.g. `--require` of a profiler hook. */
const WORKER_NODE_OPTIONS = process.env.BENCH_WORKER_NODE_OPTIONS;

/** Starts `count` worker processes and resolves once each is consuming. */
export async function startWorkers(count: number, env: Record<string, string>): Promise<SpawnedApp[]> {
  const workers: SpawnedApp[] = [];
  for (let index = 0; index < count; index++) {
    const worker = spawnApp("worker", {
      ...env,
      LOG_LEVEL: "info",
      ...(WORKER_NODE_OPTIONS ? { NODE_OPTIONS: WORKER_NODE_OPTIONS } : {}),
    });
    workers.push(worker);
    await worker.waitFor(/worker started/);
  }
  return workers;
}

/** Stops the processes (SIGTERM) and resolves once every one has exited. */
export async function stopApps(apps: readonly SpawnedApp[]): Promise<void> {
  for (const app of apps) app.process.kill("SIGTERM");
  await Promise.all(apps.map((app) => app.exited()));
}

/**
 * The same batch through 1 and then 4 worker processes (concurrency 8 each) while the simulator
 * answers every request `LATENCY_MS` late: how far adding processes speeds up a latency-bound
 * batch. No other worker may be running. `symbols` limits it to a slice of the universe.
 */
export async function scalingRun(options: {
  gateway: string;
  sim: Awaited<ReturnType<typeof startMarketSim>>;
  env: Record<string, string>;
  period: string;
  symbols: readonly string[] | undefined;
}): Promise<string> {
  const batch = {
    ...(options.symbols ? { symbols: options.symbols } : { all: true }),
    interval: "1d",
    period: options.period,
  };
  await options.sim.setFaults({ latencyMs: LATENCY_MS });
  const seconds: number[] = [];
  let units = 0;
  try {
    for (const count of FLEETS) {
      const workers = await startWorkers(count, { ...options.env, WORKER_CONCURRENCY: String(CONCURRENCY) });
      try {
        const started = performance.now();
        units = (await runBatch(options.gateway, batch)).progress.total;
        seconds.push((performance.now() - started) / 1000);
      } finally {
        await stopApps(workers);
      }
    }
  } finally {
    await options.sim.setFaults({ latencyMs: 0 });
  }
  const [one, four] = seconds as [number, number];
  const universe = options.symbols ? `a slice of ${units} symbols` : `the whole market (${units} symbols)`;
  return [
    `  scaling           ${universe}, period ${options.period}, simulator at ${LATENCY_MS} ms a request, concurrency ${CONCURRENCY} per process`,
    `  scaling result    1 worker ${one.toFixed(1)} s, 4 workers ${four.toFixed(1)} s → ${(one / four).toFixed(2)} × faster (goal ≥ 3.6 ×)`,
  ].join("\n");
}
