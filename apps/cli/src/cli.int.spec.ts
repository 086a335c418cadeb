import { execFile } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import { promisify } from "node:util";

import { listen } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startTestGateway, waitUntil, type TestGateway } from "@kabuto/testkit";

import type { BulkJob } from "@kabuto/contract";
import { runCli } from "./cli";
import { testDeps } from "./testing/test-deps";

const BIN = path.resolve(__dirname, "../bin/kabuto.js");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kabuto against a gateway process, a worker process and the simulator", () => {
  jest.setTimeout(60_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  /** A port nothing listens on: the progress service is absent, so watch polls. */
  let progressUrl: string;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 29 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { WORKER_CONCURRENCY: "2" });
    const closed = createServer();
    progressUrl = `http://127.0.0.1:${await listen(closed, 0, "127.0.0.1")}`;
    await new Promise((resolve) => closed.close(resolve));
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
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

  async function jobStatus(jobId: string): Promise<BulkJob> {
    const { code, out } = await kabuto("status", jobId, "--json");
    expect(code).toBe(0);
    return JSON.parse(out) as BulkJob;
  }

  const jobIdOf = (out: string) => /ジョブを開始しました: (\S+)/.exec(out)![1]!;

  it("sync starts a master sync, a second one attaches to it (409), both print the counts", async () => {
    const first = await kabuto("sync", "--no-wait");
    expect(first).toMatchObject({ code: 0, err: "" });
    const runId = /マスタ同期 #(\d+) を開始しました \(JPX data_j\.xls\)/.exec(first.out)![1];

    const second = await kabuto("sync");
    expect(second.err).toBe("");
    expect(second.code).toBe(0);
    expect(second.out).toContain(`実行中のマスタ同期 #${runId} を待ちます`);
    const companies = await gateway.db.prisma.company.count({ where: { isActive: true } });
    expect(second.out).toContain(
      `完了: ${companies.toLocaleString("ja-JP")} 銘柄 (追加 ${companies.toLocaleString("ja-JP")} / 更新 0 / 削除 0)`,
    );
  });

  it("fetch → watch by polling → summary with the stored row count, exit 0", async () => {
    const { code, out, err } = await kabuto("fetch", "--symbols", codes.slice(0, 20).join(","), "--period", "1mo");
    expect(err).toBe("");
    expect(code).toBe(0);
    const jobId = jobIdOf(out);
    const lines = out.trim().split("\n");
    expect(lines[1]).toBe(`進捗: ${gateway.url}/api/bulk/status を 1 秒ごとに確認 (進捗サービスに接続できません)`);
    expect(lines.at(-3)).toMatch(/^完了 \[█{30}\] 100\.0% {2}20\/20 銘柄 {2}失敗 0 {2}- 銘柄\/秒 {2}残り 0:00$/);
    expect(lines.at(-2)).toBe("計画: リクエスト 20 回 (見積もり 20 回)");
    const records = await gateway.db.prisma.priceBar.count();
    expect(records).toBeGreaterThan(300);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^${jobId} 完了: 20 銘柄中 成功 20 / 失敗 0、保存 ${records.toLocaleString("ja-JP")} 件、所要 [0-9.]+ 秒$`,
      ),
    );

    const jobs = await kabuto("jobs");
    expect(jobs.code).toBe(0);
    expect(jobs.out).toMatch(new RegExp(`^${jobId} +完了 +yahoo 1d 1mo +20/20 銘柄 +0 +\\d{4}/`, "m"));
  });

  it("pause holds a job, resume and watch finish it; stop and watch end cancelled with exit 1", async () => {
    // Two symbols in flight at a time, a second each: a job of 20 needs ten seconds, while its pause
    // follows its start at once. Only the symbols in flight when the pause lands can still finish.
    await sim.setFaults({ latencyMs: 1_000 });
    try {
      const start = async (from: number) => {
        const { code, out } = await kabuto(
          "fetch",
          "--symbols",
          codes.slice(from, from + 20).join(","),
          "--period",
          "1mo",
          "--no-watch",
        );
        expect(code).toBe(0);
        expect(out).toContain(`進捗: kabuto watch ${jobIdOf(out)}`);
        return jobIdOf(out);
      };
      const pause = async (jobId: string) =>
        expect(await kabuto("pause", jobId)).toMatchObject({
          code: 0,
          out: `一時停止しました: ${jobId} (一時停止中)\n`,
        });
      const resumed = await start(20);
      await pause(resumed);
      const stopped = await start(40);
      await pause(stopped);
      // In-flight symbols end; then nothing moves.
      await waitUntil(
        `the symbols of ${resumed} in flight at its pause to end`,
        () => gateway.db.prisma.batchExecutionDetail.count({ where: { batchId: resumed, status: "processing" } }),
        (inFlight) => inFlight === 0,
      );
      const held = await jobStatus(resumed);
      await sleep(800);
      expect(await jobStatus(resumed)).toMatchObject({
        status: "paused",
        progress: { processed: held.progress.processed },
      });
      expect(held.progress.processed).toBeLessThan(20);

      await sim.setFaults({ latencyMs: 0 });
      expect(await kabuto("resume", resumed)).toMatchObject({ code: 0, out: `再開しました: ${resumed} (実行中)\n` });
      const finished = await kabuto("watch", resumed);
      expect(finished.code).toBe(0);
      expect(finished.out.trim().split("\n").at(-1)).toMatch(
        new RegExp(`^${resumed} 完了: 20 銘柄中 成功 20 / 失敗 0、保存 [0-9,]+ 件`),
      );

      expect(await kabuto("stop", stopped)).toMatchObject({
        code: 0,
        out: `キャンセルを受け付けました: ${stopped} (停止要求中)\n`,
      });
      const cancelled = await kabuto("watch", stopped);
      expect(cancelled.code).toBe(1);
      expect(cancelled.out.trim().split("\n").at(-1)).toMatch(
        new RegExp(`^${stopped} 停止済み: 20 銘柄中 成功 \\d+ / 失敗 0 / 未処理 \\d+、保存 [0-9,]+ 件`),
      );
    } finally {
      await sim.setFaults({ latencyMs: 0 });
    }
  });

  it("retry starts a job of the failed symbols only; a job without failures is refused with exit 1", async () => {
    const symbols = codes.slice(60, 66);
    await sim.setFaults({ failingSymbols: [`${symbols[0]}.T`, `${symbols[1]}.T`] });
    const first = await kabuto("fetch", "--symbols", symbols.join(","), "--period", "1mo");
    await sim.setFaults({});
    expect(first.out).toMatch(/完了: 6 銘柄中 成功 4 \/ 失敗 2、/);

    const retried = await kabuto("retry", jobIdOf(first.out));
    expect(retried).toMatchObject({ code: 0, err: "" });
    const retryId = /再試行ジョブを開始しました: (\S+) \(2 件\)\n進捗: kabuto watch \1\n$/.exec(retried.out)?.[1];
    expect(retryId).toBeDefined();
    const watched = await kabuto("watch", retryId!);
    expect(watched.code).toBe(0);
    expect(watched.out.trim().split("\n").at(-1)).toMatch(new RegExp(`^${retryId} 完了: 2 銘柄中 成功 2 / 失敗 0、`));

    expect(await kabuto("retry", retryId!)).toMatchObject({
      code: 1,
      out: "",
      err: "kabuto: このジョブには失敗した銘柄がありません (HTTP 409 CONFLICT)\n",
    });
  });

  it("the installed binary answers with the same exit codes", async () => {
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, KABUTO_URL: gateway.url } }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    expect(await run("status", "job-none")).toEqual({
      code: 1,
      stderr: "kabuto: 指定されたジョブが見つかりません (HTTP 404 NOT_FOUND)\n",
    });
    expect((await run("fetch")).code).toBe(2);
  });
});
