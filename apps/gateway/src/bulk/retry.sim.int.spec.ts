import request from "supertest";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startBulkJob, startTestGateway, waitForJob, type TestGateway } from "@kabuto/testkit";

describe("retrying a job's failed symbols (simulator, live worker)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 23 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { WORKER_CONCURRENCY: "4" });
    codes = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 12);
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("starts a partial job of exactly the failed symbols, which completes them once Yahoo answers again", async () => {
    const failing = codes.slice(0, 3).map((code) => `${code}.T`);
    await sim.setFaults({ failingSymbols: failing });
    const first = await startBulkJob(gateway, { symbols: codes, period: "1mo", interval: "1d" });
    const early = await request(gateway.url).post(`/api/bulk/retry/${first}`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ success: false, error: "CONFLICT" });
    expect(await waitForJob(gateway, first)).toMatchObject({
      status: "completed",
      progress: { total: 12, successful: 9, failed: 3 },
    });

    await sim.setFaults({});
    const retry = await request(gateway.url).post(`/api/bulk/retry/${first}`).expect(202);
    expect(retry.body).toEqual({ success: true, job_id: expect.any(String), status: "accepted", retried: 3 });
    expect(retry.body.job_id).not.toBe(first);
    expect(await waitForJob(gateway, retry.body.job_id)).toMatchObject({
      status: "completed",
      progress: { total: 3, successful: 3, failed: 0 },
    });
    const batch = await gateway.db.prisma.batchExecution.findUniqueOrThrow({ where: { id: retry.body.job_id } });
    expect(batch).toMatchObject({ type: "partial", provider: "yahoo", interval: "1d", period: "1mo" });
    const units = await gateway.db.prisma.batchExecutionDetail.findMany({ where: { batchId: batch.id } });
    expect(units.map((unit) => unit.symbol).sort()).toEqual([...failing].sort());
    const stored = await gateway.db.prisma.priceBar.groupBy({ by: ["symbol"], where: { symbol: { in: failing } } });
    expect(stored).toHaveLength(3);

    const nothingFailed = await request(gateway.url).post(`/api/bulk/retry/${retry.body.job_id}`).expect(409);
    expect(nothingFailed.body.message).toMatch(/失敗した銘柄がありません/);
    await request(gateway.url).post("/api/bulk/retry/job-unknown").expect(404);
  });
});
