import { SMALL_BATCH_DAYS, SMALL_BATCH_REQUESTS, batchPriority } from "./batch-priority";

const days = (count: number) => ({
  fromDate: new Date("2026-01-01T00:00:00Z"),
  toDate: new Date(Date.parse("2026-01-01T00:00:00Z") + (count - 1) * 86_400_000),
});
const noDates = { fromDate: null, toDate: null };

describe("batchPriority", () => {
  it("ranks the daily update as daily, whatever its size", () => {
    expect(batchPriority({ type: "daily_update", requestsEstimated: 4_400, ...noDates })).toBe("daily");
    expect(batchPriority({ type: "daily_update", requestsEstimated: 1, ...days(3_650) })).toBe("daily");
  });

  it("ranks a batch of up to SMALL_BATCH_REQUESTS requests as interactive, a larger one as a backfill", () => {
    expect(batchPriority({ type: "partial", requestsEstimated: SMALL_BATCH_REQUESTS, ...noDates })).toBe("interactive");
    expect(batchPriority({ type: "partial", requestsEstimated: SMALL_BATCH_REQUESTS + 1, ...noDates })).toBe(
      "backfill",
    );
    expect(batchPriority({ type: "all_stocks", requestsEstimated: 4_400, ...noDates })).toBe("backfill");
  });

  it("ranks a batch of few requests over more than SMALL_BATCH_DAYS days (bulk files) as a backfill", () => {
    expect(batchPriority({ type: "all_stocks", requestsEstimated: 30, ...days(SMALL_BATCH_DAYS) })).toBe("interactive");
    expect(batchPriority({ type: "all_stocks", requestsEstimated: 250, ...days(3_650) })).toBe("backfill");
  });
});
