import { SMALL_BATCH_UNITS, batchPriority } from "./batch-priority";

describe("batchPriority", () => {
  it("ranks the daily update as daily, whatever its size", () => {
    expect(batchPriority({ type: "daily_update", total: 4_400 })).toBe("daily");
    expect(batchPriority({ type: "daily_update", total: 1 })).toBe("daily");
  });

  it("ranks a batch of up to SMALL_BATCH_UNITS units as interactive, a larger one as a backfill", () => {
    expect(batchPriority({ type: "partial", total: SMALL_BATCH_UNITS })).toBe("interactive");
    expect(batchPriority({ type: "partial", total: SMALL_BATCH_UNITS + 1 })).toBe("backfill");
    expect(batchPriority({ type: "all_stocks", total: 4_400 })).toBe("backfill");
  });
});
