import { smoothLimiter } from "./rate-gate";

describe("smoothLimiter", () => {
  it("spreads a per-minute rate over one-second windows", () => {
    expect(smoothLimiter(600)).toEqual({ max: 10, duration: 1000 });
    expect(smoothLimiter(120)).toEqual({ max: 2, duration: 1000 });
    expect(smoothLimiter(125)).toEqual({ max: 2, duration: 960 });
  });

  it("spaces out rates below one a second, and never rounds a rate down to a slower one", () => {
    expect(smoothLimiter(5)).toEqual({ max: 1, duration: 12_000 });
    expect(smoothLimiter(108)).toEqual({ max: 1, duration: 556 });
  });
});
