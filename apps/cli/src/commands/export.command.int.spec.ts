import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  fixtureDays,
  readParquetRows,
  seedDatasetFixture,
  spawnApp,
  startTestGateway,
  type SpawnedApp,
  type TestGateway,
  UNREACHABLE_UPSTREAMS,
} from "@kabuto/testkit";

import { runCli } from "../cli";
import { testDeps } from "../testing/test-deps";

const DAYS = fixtureDays(130);

describe("kabuto export against a gateway, a worker and a progress service", () => {
  jest.setTimeout(90_000);
  let gateway: TestGateway;
  let progress: SpawnedApp;
  let progressUrl: string;
  let dir: string;
  let out: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kabuto-export-"));
    out = path.join(dir, "out");
    const env = { DATASETS_DIR: path.join(dir, "datasets"), DATASET_MEMORY_LIMIT: "512MB" };
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000", ...env });
    await seedDatasetFixture(gateway.db.pool);
    await gateway.startWorker(UNREACHABLE_UPSTREAMS, env);
    progress = spawnApp("progress", { ...gateway.serverEnv, PROGRESS_PORT: "0" });
    progressUrl = (JSON.parse(await progress.waitFor(/progress listening/)) as { url: string }).url;
  });

  afterAll(async () => {
    progress?.process.kill("SIGTERM");
    await progress?.exited();
    await gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function kabuto(...argv: string[]) {
    const deps = testDeps();
    const code = await runCli([...argv, "--url", gateway.url, "--progress-url", progressUrl], deps);
    return { code, out: deps.stdout.text(), err: deps.stderr.text() };
  }

  it("export dataset builds, shows the bar over Socket.IO and saves the files", async () => {
    const result = await kabuto("export", "dataset", "--all", "--from", DAYS[0]!, "--to", DAYS.at(-1)!, "--out", out);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain(`進捗: ${progressUrl} (Socket.IO)`);
    expect(result.out).toMatch(/完了: 3 銘柄、272 行/);
    const id = /データセットを作成します: (\S+) \(3 銘柄\)/.exec(result.out)![1]!;
    expect((await readdir(path.join(out, id))).sort()).toEqual(["dataset.parquet", "metadata.json"]);
    const rows = await readParquetRows(await readFile(path.join(out, id, "dataset.parquet")));
    expect(rows).toHaveLength(272);
    const metadata = JSON.parse(await readFile(path.join(out, id, "metadata.json"), "utf8"));
    expect(metadata.shape).toEqual([272, 65]);
  });

  it("export prices writes the bars to a file, or CSV to stdout", async () => {
    const file = path.join(dir, "prices.csv");
    const saved = await kabuto(
      "export",
      "prices",
      "--symbols",
      "7203",
      "--from",
      DAYS[0]!,
      "--to",
      DAYS[9]!,
      "--out",
      file,
    );
    expect(saved.code).toBe(0);
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    expect(lines[0]).toBe("code,date,open,high,low,close,volume,turnover");
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(DAYS.slice(0, 10));

    const shown = await kabuto("export", "prices", "--symbols", "9984", "--from", DAYS[0]!, "--to", DAYS.at(-1)!);
    expect(shown.code).toBe(0);
    expect(shown.out.trim().split("\n")).toHaveLength(13);
  });

  it("a bad request is a usage error naming what is wrong", async () => {
    const unknown = await kabuto("export", "dataset", "--symbols", "1301", "--from", DAYS[0]!, "--to", DAYS[5]!);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("'symbols'");
    const empty = await kabuto("export", "prices", "--all", "--from", "2020-01-06", "--to", "2020-01-31");
    expect(empty.code).toBe(2);
    expect(empty.err).toContain("'from'");
  });
});
