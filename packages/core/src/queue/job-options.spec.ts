import { jitteredBackoffDelay } from "./job-options";
import { jobId } from "./job-id";

describe("jitteredBackoffDelay", () => {
  it("doubles the ceiling with each attempt", () => {
    const highest = (attempt: number) => jitteredBackoffDelay(attempt, () => 1);
    expect([1, 2, 3, 4].map(highest)).toEqual([1000, 2000, 4000, 8000]);
  });

  it("draws anywhere from zero to the ceiling", () => {
    expect(jitteredBackoffDelay(3, () => 0)).toBe(0);
    expect(jitteredBackoffDelay(3, () => 0.5)).toBe(2000);
  });

  it("never waits more than a minute", () => {
    expect(jitteredBackoffDelay(30, () => 1)).toBe(60_000);
  });
});

describe("jobId", () => {
  it("is deterministic and free of colons", () => {
    expect(jobId("job-1", "7203.T")).toBe("job-1-7203.T");
    expect(jobId("a:b", 2)).toBe("a_b-2");
  });
});
