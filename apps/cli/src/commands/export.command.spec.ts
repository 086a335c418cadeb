import { runCli } from "../cli";
import { testDeps } from "../testing/test-deps";

describe("kabuto export: usage errors before any request", () => {
  it.each([
    [["export"], "dataset か prices"],
    [["export", "rows", "--all"], "不明な書き出し先"],
    [["export", "dataset", "--all", "--to", "2025-12-31"], "--from を YYYY-MM-DD"],
    [["export", "dataset", "--all", "--from", "2025-02-30", "--to", "2025-12-31"], "--from は実在する日付"],
    [["export", "dataset", "--from", "2025-01-01", "--to", "2025-12-31"], "--all か --symbols"],
    [
      ["export", "dataset", "--symbols", "7203", "--market", "0111", "--from", "2025-01-01", "--to", "2025-12-31"],
      "--market は --all",
    ],
    [
      ["export", "dataset", "--all", "--format", "xlsx", "--from", "2025-01-01", "--to", "2025-12-31"],
      "--format は parquet か csv",
    ],
    [["export", "prices", "--all", "--format", "parquet", "--from", "2025-01-01", "--to", "2025-12-31"], "--out"],
    [
      ["export", "prices", "--all", "--market", "0111", "--from", "2025-01-01", "--to", "2025-12-31"],
      "--market は export dataset",
    ],
  ])("%j", async (argv, message) => {
    let asked = 0;
    const deps = testDeps({
      fetch: async () => {
        asked += 1;
        return new Response("{}", { status: 500 });
      },
    });
    expect(await runCli(argv, deps)).toBe(2);
    expect(deps.stderr.text()).toContain(message);
    expect(asked).toBe(0);
  });
});
