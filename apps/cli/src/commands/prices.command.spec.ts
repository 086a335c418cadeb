import { runCli } from "../cli";
import { testDeps } from "../testing/test-deps";

const bar = (date: string, close: number) => ({
  date,
  ts: `${date}T00:00:00.000Z`,
  open: close,
  high: close + 5,
  low: close - 5,
  close,
  volume: 1200,
  turnover: null,
  source: "yahoo",
});

describe("kabuto prices", () => {
  it("follows next to the last page and prints every bar once, tab-separated", async () => {
    const asked: string[] = [];
    const pages = [
      { bars: [bar("2026-11-25", 3000), bar("2026-11-26", 3010)], next: "2026-11-26T00:00:00.000Z" },
      { bars: [bar("2026-11-27", 3020)], next: null },
    ];
    const deps = testDeps({
      fetch: async (input) => {
        asked.push(String(input));
        const page = pages[asked.length - 1]!;
        const body = {
          success: true,
          symbol: "7203.T",
          source: "yahoo",
          interval: "1d",
          adjust: "none",
          count: page.bars.length,
          ...page,
        };
        return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    expect(await runCli(["prices", "7203", "--adjust", "none", "--from", "2026-11-01"], deps)).toBe(0);
    expect(asked[0]).toMatch(
      /\/api\/v1\/prices\/7203\?source=yahoo&adjust=none&interval=1d&limit=10000&from=2026-11-01$/,
    );
    expect(asked[1]).toMatch(/&cursor=2026-11-26T00%3A00%3A00.000Z$/);
    expect(deps.stdout.text().split("\n")).toEqual([
      "date\topen\thigh\tlow\tclose\tvolume",
      "2026-11-25\t3000\t3005\t2995\t3000\t1200",
      "2026-11-26\t3010\t3015\t3005\t3010\t1200",
      "2026-11-27\t3020\t3025\t3015\t3020\t1200",
      "",
    ]);
    expect(deps.stderr.text()).toBe("3 本 (yahoo, none)\n");
  });

  it("refuses an unknown adjustment as a usage error", async () => {
    const deps = testDeps({ fetch: async () => new Response("{}", { status: 500 }) });
    expect(await runCli(["prices", "7203", "--adjust", "dividends"], deps)).toBe(2);
    expect(deps.stderr.text()).toMatch(/--adjust は none、split、all のいずれかです/);
  });
});
