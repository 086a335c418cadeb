import { createServer } from "node:http";

import { listen } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startTestGateway, type TestGateway } from "@kabuto/testkit";

import { runCli } from "../cli";
import { testDeps } from "../testing/test-deps";

const CHART = "yahoo:/v8/finance/chart";
const LISTINGS = 8;

describe("kabuto update against a gateway process, a worker process and the simulator", () => {
  jest.setTimeout(60_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  /** A port nothing listens on: the progress service is absent, so watching polls. */
  let progressUrl: string;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 31 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { WORKER_CONCURRENCY: "2" });
    const closed = createServer();
    progressUrl = `http://127.0.0.1:${await listen(closed, 0, "127.0.0.1")}`;
    await new Promise((resolve) => closed.close(resolve));
    const codes = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(200, 200 + LISTINGS);
    await gateway.db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       SELECT code, 'listing ' || code, true, 'jpx', now() FROM unnest($1::text[]) AS code`,
      [codes],
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  async function kabuto(...argv: string[]) {
    const deps = testDeps();
    const code = await runCli([...argv, "--url", gateway.url, "--progress-url", progressUrl], deps);
    return { code, out: deps.stdout.text(), err: deps.stderr.text() };
  }

  const jobIdOf = (out: string) => /日次更新を開始しました: (\S+)/.exec(out)![1]!;

  it("starts the daily update, watches it to the end, and next time asks only from the last bar on", async () => {
    const first = await kabuto("update");
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    const firstId = jobIdOf(first.out);
    expect(first.out.trim().split("\n").at(-1)).toMatch(
      new RegExp(`^${firstId} 完了: ${LISTINGS} 銘柄中 成功 ${LISTINGS} / 失敗 0、保存 [0-9,]+ 件`),
    );
    const batch = await gateway.db.prisma.batchExecution.findUniqueOrThrow({ where: { id: firstId } });
    expect(batch).toMatchObject({ type: "daily_update", provider: "yahoo", interval: "1d", total: LISTINGS });
    // nothing was stored: five days each
    expect(Number(batch.records)).toBeGreaterThanOrEqual(4 * LISTINGS);

    await sim.advanceDay();
    const before = (await sim.requests())[CHART] ?? 0;
    const second = await kabuto("update", "--provider", "yahoo");
    expect(second.code).toBe(0);
    const secondId = jobIdOf(second.out);
    expect((await sim.requests())[CHART]! - before).toBe(LISTINGS);
    const again = await gateway.db.prisma.batchExecution.findUniqueOrThrow({ where: { id: secondId } });
    expect(Number(again.records)).toBe(LISTINGS);
  });

  it("--no-watch only starts it; a bad --provider is a usage error (exit 2)", async () => {
    const started = await kabuto("update", "--no-watch");
    expect(started.code).toBe(0);
    expect(started.out).toContain(`進捗: kabuto watch ${jobIdOf(started.out)}`);
    expect(await kabuto("update", "--provider", "bloomberg")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--provider は yahoo か jquants です"),
    });
    expect((await kabuto("--help")).out).toContain("update");
  });
});
