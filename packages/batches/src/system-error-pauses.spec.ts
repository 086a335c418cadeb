import { SystemError } from "@kabuto/core";
import type { BatchProgressPublisher, BatchRepository } from "@kabuto/db";
import { testLogger } from "@kabuto/testkit";

import { systemErrorPauses } from "./system-error-pauses";

describe("systemErrorPauses", () => {
  const unreachable = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

  it("turns an unreachable database into a SystemError, then pauses the batch with the reason once it answers", async () => {
    const paused: [string, string, string][] = [];
    const batches = {
      transition: async (batchId: string, name: string, reason: string) => {
        paused.push([batchId, name, reason]);
        return true;
      },
    } as unknown as BatchRepository;
    const progress = { changed: async () => undefined } as unknown as BatchProgressPublisher;
    const pauses = systemErrorPauses({ batches, progress, logger: testLogger() });

    await expect(
      pauses.guard("job-1", async () => {
        throw unreachable;
      }),
    ).rejects.toBeInstanceOf(SystemError);
    expect(paused).toEqual([]);

    expect(await pauses.guard("job-2", async () => "stored")).toBe("stored");
    expect(paused).toEqual([["job-1", "pause", expect.stringMatching(/database unreachable: connect ECONNREFUSED/)]]);
    await pauses.guard("job-2", async () => "again");
    expect(paused).toHaveLength(1);
  });

  it("lets other errors through untouched", async () => {
    const pauses = systemErrorPauses({
      batches: {} as BatchRepository,
      progress: {} as BatchProgressPublisher,
      logger: testLogger(),
    });
    const upstream = new Error("HTTP 503");
    await expect(
      pauses.guard("job-3", async () => {
        throw upstream;
      }),
    ).rejects.toBe(upstream);
  });
});
