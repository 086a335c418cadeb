import { ApiRequestError, GatewayUnreachableError } from "./api-client";
import { manualClock } from "./testing/test-deps";
import { retryTransient } from "./transient-error";

describe("retryTransient", () => {
  it("waits out an unreachable gateway, a 503 and a 429's Retry-After, then answers", async () => {
    const clock = manualClock();
    const failures = [
      new GatewayUnreachableError("http://127.0.0.1:3000", new Error("fetch failed")),
      new ApiRequestError(503, "SERVICE_UNAVAILABLE", "Redis が応答しません"),
      new ApiRequestError(429, "RATE_LIMIT_EXCEEDED", "レート制限を超過しました", 7),
    ];
    const answer = await retryTransient(
      async () => {
        const failure = failures.shift();
        if (failure) throw failure;
        return "ok";
      },
      clock,
      1000,
    );
    expect(answer).toBe("ok");
    expect(clock.now()).toBe(1000 + 1000 + 7000);
  });

  it("throws anything else at once, and a transient error after 30 attempts", async () => {
    const clock = manualClock();
    const notFound = new ApiRequestError(404, "NOT_FOUND", "指定されたジョブが見つかりません");
    await expect(retryTransient(() => Promise.reject(notFound), clock, 1000)).rejects.toBe(notFound);
    expect(clock.now()).toBe(0);
    let attempts = 0;
    const down = new ApiRequestError(503, "SERVICE_UNAVAILABLE", "down");
    await expect(
      retryTransient(
        () => {
          attempts += 1;
          return Promise.reject(down);
        },
        clock,
        1000,
      ),
    ).rejects.toBe(down);
    expect(attempts).toBe(30);
  });
});
