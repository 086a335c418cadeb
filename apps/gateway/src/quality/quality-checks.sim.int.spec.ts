import request from "supertest";

import type { BulkJob, QualityIssueBody } from "@kabuto/contract";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  simulatorCodes,
  startBulkJob,
  startTestGateway,
  waitForJob,
  waitUntil,
  type TestGateway,
} from "@kabuto/testkit";

const CHECKED = { what: "its quality summary", done: (job: object) => (job as BulkJob).summary?.quality !== undefined };

const found = (issues: QualityIssueBody[]) => issues.map(({ check, symbol, date }) => ({ check, symbol, date }));

describe("quality checks after a batch and on demand: the gateway, a worker and the simulator as real processes", () => {
  jest.setTimeout(180_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  const issuesOf = async (query: Record<string, string>) =>
    (await request(gateway.url).get("/api/v1/quality/issues").query(query).expect(200)).body as {
      issues: QualityIssueBody[];
      next: string | null;
    };

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 12 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { UPSTREAM_TIMEOUT_MS: "8000" });
    await (await fetch(sim.jpxListUrl)).arrayBuffer();
    await request(gateway.url).post("/api/stock-master/update").expect(200);
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  /**
   * Codes whose Yahoo answer has a price every day: Kabuto does not store Yahoo's price-less days
   * (halts, days without trades), so without a J-Quants bar of that day they read as missing.
   */
  async function tradedEveryDay(count: number): Promise<string[]> {
    const chosen: string[] = [];
    for (const code of codes) {
      const answer = (await (await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=1mo`)).json()) as {
        chart: { result: { indicators: { quote: { close: (number | null)[] }[] } }[] };
      };
      if (answer.chart.result[0]!.indicators.quote[0]!.close.every((close) => close !== null)) chosen.push(code);
      if (chosen.length === count) return chosen;
    }
    throw new Error(`fewer than ${count} simulated codes trade every day`);
  }

  it("lists a clean batch's checks with no issue", async () => {
    const id = await startBulkJob(gateway, { symbols: await tradedEveryDay(8), interval: "1d", period: "1mo" });
    const job = (await waitForJob(gateway, id, CHECKED)) as unknown as BulkJob;
    expect(job.status).toBe("completed");
    expect(Object.values(job.summary!.quality!)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect((await issuesOf({ batch_id: id })).issues).toEqual([]);
  });

  it("lists each injected bad bar under its check, with its symbol and day", async () => {
    const [high, jump, missing] = [codes[20]!, codes[21]!, codes[22]!];
    await sim.setFaults({
      badBars: [
        { code: high, date: "2026-11-10", kind: "high_below_low" },
        { code: jump, date: "2026-11-12", kind: "jump" },
        { code: missing, date: "2026-11-11", kind: "missing" },
      ],
    });
    try {
      const id = await startBulkJob(gateway, { symbols: codes.slice(20, 26), interval: "1d", period: "1mo" });
      const job = (await waitForJob(gateway, id, CHECKED)) as unknown as BulkJob;
      const expected = [
        { check: "ohlc_inconsistent", symbol: `${high}.T`, date: "2026-11-10" },
        { check: "missing_trading_day", symbol: `${missing}.T`, date: "2026-11-11" },
        { check: "price_jump", symbol: `${jump}.T`, date: "2026-11-12" },
      ];
      expect(job.summary!.quality).toMatchObject({
        ohlc_inconsistent: 1,
        price_jump: 1,
        missing_trading_day: 1,
        non_positive_price: 0,
        non_trading_day: 0,
      });
      const sorted = (rows: ReturnType<typeof found>) => [...rows].sort((a, b) => a.date.localeCompare(b.date));
      expect(sorted(found((await issuesOf({ batch_id: id })).issues))).toEqual(expected);

      const firstPage = await issuesOf({ batch_id: id, limit: "2" });
      expect(firstPage.issues).toHaveLength(2);
      const rest = await issuesOf({ batch_id: id, limit: "2", cursor: firstPage.next! });
      expect(rest.next).toBeNull();
      expect(sorted(found([...firstPage.issues, ...rest.issues]))).toEqual(expected);
      expect(found((await issuesOf({ check: "price_jump", symbol: jump })).issues)).toEqual([expected[2]]);

      const accepted = await request(gateway.url)
        .post("/api/v1/quality/check")
        .send({ from: "2026-10-01", to: "2026-11-20", symbols: [high, jump, missing], source: "yahoo" })
        .expect(202);
      const checkId = accepted.body.check_id as string;
      const check = await waitUntil(
        `quality check ${checkId} to complete`,
        async () => (await request(gateway.url).get(`/api/v1/quality/checks/${checkId}`).expect(200)).body.check,
        (run: { status: string }) => run.status === "completed",
        { timeoutMs: 60_000 },
      );
      expect(check).toMatchObject({ issues: 3, by_check: { price_jump: 1 } });
      expect(sorted(found((await issuesOf({ batch_id: checkId })).issues))).toEqual(expected);
    } finally {
      await sim.setFaults({});
    }
  });

  it("refuses a bad request with a 400 and says why", async () => {
    const reversed = await request(gateway.url)
      .post("/api/v1/quality/check")
      .send({ from: "2026-11-20", to: "2026-11-01", all: true })
      .expect(400);
    expect(reversed.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
    await request(gateway.url).post("/api/v1/quality/check").send({ from: "2026-11-01", to: "2026-11-20" }).expect(400);
    await request(gateway.url).get("/api/v1/quality/issues").query({ check: "nonsense" }).expect(400);
    await request(gateway.url).get("/api/v1/quality/checks/check-0-none").expect(404);
  });
});
