import request from "supertest";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  bulkStatus,
  processedAtLeast,
  simulatorCodes,
  startBulkJob,
  startTestGateway,
  statusOtherThan,
  waitForJob,
  type TestGateway,
} from "@kabuto/testkit";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pause, resume and stop with a live worker (simulator latency 50 ms)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 17, faults: { latencyMs: 50 } });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { WORKER_CONCURRENCY: "4" });
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("pause holds new symbols within a second; resume finishes exactly the rest; stop cancels one batch only", async () => {
    const paused = await startBulkJob(gateway, { symbols: codes.slice(0, 200), period: "1mo" });
    const other = await startBulkJob(gateway, { symbols: codes.slice(200, 260), period: "1mo" });
    await waitForJob(gateway, paused, processedAtLeast(20));
    await request(gateway.url).post(`/api/bulk/pause/${paused}`).expect(200);
    await sleep(1000);
    const held = (await bulkStatus(gateway, paused)).progress.processed;
    await sleep(1500);
    expect((await bulkStatus(gateway, paused)).progress.processed).toBe(held);
    expect(held).toBeLessThan(200);

    const stopped = await startBulkJob(gateway, { symbols: codes.slice(260, 460), period: "1mo" });
    await waitForJob(gateway, stopped, processedAtLeast(5));
    expect((await request(gateway.url).post(`/api/bulk/stop/${stopped}`).expect(200)).body.job.status).toBe(
      "cancel_requested",
    );

    await request(gateway.url).post(`/api/bulk/resume/${paused}`).expect(200);
    expect(await waitForJob(gateway, paused)).toMatchObject({
      status: "completed",
      progress: { total: 200, processed: 200, successful: 200 },
    });
    const attempts = await gateway.db.prisma.batchExecutionDetail.aggregate({
      where: { batchId: paused },
      _max: { attempts: true },
    });
    expect(attempts._max.attempts).toBe(1);

    const cancelled = await waitForJob(gateway, stopped, statusOtherThan("cancel_requested"));
    expect(cancelled.status).toBe("cancelled");
    expect(
      await gateway.db.prisma.batchExecutionDetail.count({ where: { batchId: stopped, status: "cancelled" } }),
    ).toBe(200 - cancelled.progress.processed);
    expect(await waitForJob(gateway, other)).toMatchObject({
      status: "completed",
      progress: { processed: 60, successful: 60 },
    });
  });
});
