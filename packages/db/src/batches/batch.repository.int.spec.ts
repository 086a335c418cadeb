import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import { batchRepository, type BatchRepository } from "./batch.repository";

describe("batch repository (real PostgreSQL)", () => {
  let db: TestDatabase;
  let batches: BatchRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    batches = batchRepository(db.prisma, db.pool);
  });

  afterAll(async () => {
    await db.drop();
  });

  const create = (id: string, units: string[]) =>
    batches.create({
      id,
      type: "partial",
      provider: "yahoo",
      unit: "symbols",
      interval: "1d",
      period: "1mo",
      units,
      requestsEstimated: units.length,
      requestsUsed: 0,
    });

  it("records a batch with one pending detail per unit", async () => {
    const batch = await create("job-a", ["7203.T", "6758.T"]);
    expect(batch).toMatchObject({ status: "queued", total: 2, processed: 0 });
    expect(await db.prisma.batchExecutionDetail.count({ where: { batchId: "job-a", status: "pending" } })).toBe(2);
  });

  it("counts each unit once, even when its job runs twice, and completes with the last unit", async () => {
    await create("job-b", ["7203.T", "0000.T"]);
    expect(await batches.startUnit("job-b", "7203.T")).toBe("running");
    await batches.startUnit("job-b", "7203.T");
    expect(
      await batches.finishUnit("job-b", "7203.T", { status: "completed", records: 20, symbols: 1, requests: 1 }),
    ).toMatchObject({
      processed: 1,
      successful: 1,
      status: "running",
    });
    expect(
      await batches.finishUnit("job-b", "7203.T", { status: "completed", records: 20, symbols: 1, requests: 1 }),
    ).toMatchObject({
      processed: 1,
    });
    const last = await batches.finishUnit("job-b", "0000.T", {
      status: "failed",
      errorClass: "permanent",
      message: "unknown symbol",
    });
    expect(last).toEqual({ status: "completed", total: 2, processed: 2, successful: 1, failed: 1 });
    const detail = await db.prisma.batchExecutionDetail.findUniqueOrThrow({
      where: { batchId_symbol: { batchId: "job-b", symbol: "7203.T" } },
    });
    expect(detail).toMatchObject({ status: "completed", attempts: 2, recordsInserted: 20 });
    expect((await db.prisma.batchExecution.findUniqueOrThrow({ where: { id: "job-b" } })).records).toBe(20n);
  });

  it("keeps the counters exact under concurrent finishes", async () => {
    const units = Array.from({ length: 200 }, (_, index) => `${1000 + index}.T`);
    await create("job-c", units);
    await Promise.all(
      units.flatMap((unit) =>
        [0, 1].map(() =>
          batches.finishUnit("job-c", unit, { status: "completed", records: 1, symbols: 1, requests: 1 }),
        ),
      ),
    );
    expect(await db.prisma.batchExecution.findUniqueOrThrow({ where: { id: "job-c" } })).toMatchObject({
      status: "completed",
      processed: 200,
      successful: 200,
      failed: 0,
      records: 200n,
    });
  });

  it("ends a stop whose last unit was between two attempts, and gives a paused unit back", async () => {
    await create("job-d", ["1301.T", "1332.T"]);
    await batches.startUnit("job-d", "1301.T");
    await batches.startUnit("job-d", "1332.T");
    expect(await batches.transition("job-d", "stop")).toBe(true);
    await batches.cancelPending("job-d");
    await batches.finishUnit("job-d", "1301.T", { status: "completed", records: 1, symbols: 1, requests: 1 });
    expect((await db.prisma.batchExecution.findUniqueOrThrow({ where: { id: "job-d" } })).status).toBe(
      "cancel_requested",
    );
    await batches.cancelUnit("job-d", "1332.T");
    expect((await db.prisma.batchExecution.findUniqueOrThrow({ where: { id: "job-d" } })).status).toBe("cancelled");

    await create("job-e", ["1301.T"]);
    await batches.startUnit("job-e", "1301.T");
    expect(await batches.transition("job-e", "pause")).toBe(true);
    await batches.releaseUnit("job-e", "1301.T");
    expect(await batches.pendingUnits("job-e")).toEqual(["1301.T"]);
  });

  it("moves a batch only along the state machine, keeping the reason of a pause", async () => {
    await create("job-f", ["1301.T"]);
    expect(await batches.transition("job-f", "resume")).toBe(false);
    expect(await batches.transition("job-f", "pause", "database unreachable")).toBe(true);
    expect(await batches.find("job-f")).toMatchObject({ status: "paused", error: "database unreachable" });
    expect(await batches.transition("job-f", "pause")).toBe(false);
    expect(await batches.transition("job-f", "resumeUnstarted")).toBe(true);
    expect(await batches.find("job-f")).toMatchObject({ status: "queued", error: null });
    expect(await batches.transition("job-f", "stop")).toBe(true);
    await batches.cancelPending("job-f");
    expect(await batches.find("job-f")).toMatchObject({ status: "cancelled", finishedAt: expect.any(Date) });
    expect(await batches.transition("job-f", "stop")).toBe(false);
  });

  it("keeps the most symbols one unit stored, and the named symbols as the filter", async () => {
    await batches.create({
      id: "job-g",
      type: "partial",
      provider: "jquants",
      unit: "dates",
      interval: "1d",
      period: "5d",
      units: ["2026-11-25", "2026-11-26"],
      symbols: ["7203.T"],
      range: { from: "2026-11-25", to: "2026-11-26" },
      requestsEstimated: 10,
      requestsUsed: 1,
    });
    await batches.finishUnit("job-g", "2026-11-25", { status: "completed", records: 1, symbols: 3, requests: 5 });
    await batches.finishUnit("job-g", "2026-11-26", { status: "completed", records: 1, symbols: 2, requests: 4 });
    expect(await batches.find("job-g")).toMatchObject({
      symbolCount: 3,
      status: "completed",
      fromDate: new Date("2026-11-25T00:00:00Z"),
      toDate: new Date("2026-11-26T00:00:00Z"),
      requestsEstimated: 10,
      requestsUsed: 1 + 5 + 4,
    });
    expect(await batches.symbolFilter("job-g")).toEqual(new Set(["7203.T"]));
    expect(await batches.symbolFilter("job-a")).toBeUndefined();
  });
});
