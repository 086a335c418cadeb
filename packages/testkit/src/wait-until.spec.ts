import { waitUntil } from "./wait-until";

describe("waitUntil", () => {
  it("resolves with the first value that is done, counting a read that throws as not done yet", async () => {
    let reads = 0;
    const value = await waitUntil(
      "the third read",
      () => {
        reads += 1;
        if (reads === 1) throw new Error("not listening yet");
        return reads;
      },
      (count) => count >= 3,
      { timeoutMs: 1_000, intervalMs: 1 },
    );
    expect(value).toBe(3);
    expect(reads).toBe(3);
  });

  it("times out naming what it waited for and the last value it saw", async () => {
    await expect(
      waitUntil(
        "job-1 to finish",
        () => ({ status: "running" }),
        () => false,
        { timeoutMs: 50, intervalMs: 10 },
      ),
    ).rejects.toThrow('timed out after 50ms waiting for job-1 to finish; last seen: {"status":"running"}');
  });

  it("times out with the last error when every read throws", async () => {
    await expect(
      waitUntil(
        "the gateway to answer",
        () => {
          throw new Error("ECONNREFUSED");
        },
        () => true,
        { timeoutMs: 30, intervalMs: 10 },
      ),
    ).rejects.toThrow("timed out after 30ms waiting for the gateway to answer; last seen: ECONNREFUSED");
  });
});
