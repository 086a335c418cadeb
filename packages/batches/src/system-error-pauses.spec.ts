import { SystemError } from "@kabuto/core";
import type { BatchProgressPublisher, BatchRepository } from "@kabuto/db";
import { testLogger } from "@kabuto/testkit";

import { SYSTEM_PAUSE_REASON, systemErrorPauses } from "./system-error-pauses";

describe("systemErrorPauses", () => {
  const unreachable = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  const failWith = (error: Error) => async () => {
    throw error;
  };

  function setUp() {
    const paused: [string, string, string][] = [];
    const batches = {
      transition: async (batchId: string, name: string, reason: string) => {
        paused.push([batchId, name, reason]);
        return true;
      },
    } as unknown as BatchRepository;
    const progress = { changed: async () => undefined } as unknown as BatchProgressPublisher;
    const clock = { now: 0 };
    const pauses = systemErrorPauses({
      batches,
      progress,
      logger: testLogger(),
      pauseAfterMs: 60_000,
      now: () => clock.now,
    });
    return { paused, pauses, clock };
  }

  it("turns an unreachable database into a SystemError and rides out an outage shorter than pauseAfterMs", async () => {
    const { paused, pauses, clock } = setUp();
    await expect(pauses.guard("job-1", failWith(unreachable))).rejects.toBeInstanceOf(SystemError);
    clock.now = 40_000;
    await expect(pauses.guard("job-1", failWith(unreachable))).rejects.toBeInstanceOf(SystemError);
    clock.now = 59_999;
    expect(await pauses.guard("job-1", async () => "stored")).toBe("stored");
    expect(paused).toEqual([]);
  });

  it("pauses the batch with the reason once the database answers after a longer outage, once", async () => {
    const { paused, pauses, clock } = setUp();
    await expect(pauses.guard("job-1", failWith(unreachable))).rejects.toBeInstanceOf(SystemError);
    clock.now = 30_000;
    await expect(pauses.guard("job-1", failWith(unreachable))).rejects.toBeInstanceOf(SystemError);
    clock.now = 60_000;
    expect(await pauses.guard("job-2", async () => "stored")).toBe("stored");
    expect(paused).toEqual([
      [
        "job-1",
        "pause",
        `${SYSTEM_PAUSE_REASON} for 60 s from 1970-01-01T00:00:00.000Z (connect ECONNREFUSED 127.0.0.1:5432)`,
      ],
    ]);
    await pauses.guard("job-2", async () => "again");
    expect(paused).toHaveLength(1);
  });

  it("lets other errors through untouched", async () => {
    const { paused, pauses } = setUp();
    const upstream = new Error("HTTP 503");
    await expect(pauses.guard("job-3", failWith(upstream))).rejects.toBe(upstream);
    await pauses.guard("job-3", async () => undefined);
    expect(paused).toEqual([]);
  });
});
