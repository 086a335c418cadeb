import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { Redis } from "ioredis";
import request from "supertest";

import { progressChannel, progressEventSchema, type ProgressEvent } from "@kabuto/core";
import {
  fixtureDays,
  readParquetRows,
  seedDatasetFixture,
  startTestGateway,
  waitUntil,
  type TestGateway,
  UNREACHABLE_UPSTREAMS,
} from "@kabuto/testkit";

const DAYS = fixtureDays(130);
const FROM = DAYS[0]!;
const TO = DAYS.at(-1)!;

/** A binary answer's status, content type and bytes. */
async function download(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

describe("the dataset and price export routes against a real gateway and worker", () => {
  jest.setTimeout(120_000);
  let gateway: TestGateway;
  let dir: string;
  let subscriber: Redis;
  const events: ProgressEvent[] = [];

  const post = (body: unknown) =>
    request(gateway.url)
      .post("/api/v1/datasets")
      .send(body as object);
  const datasetOf = async (id: string) =>
    (await request(gateway.url).get(`/api/v1/datasets/${id}`).expect(200)).body.dataset;
  const completed = (id: string) =>
    waitUntil(
      `dataset ${id} to complete`,
      () => datasetOf(id),
      (dataset) => dataset.status === "completed",
      {
        timeoutMs: 60_000,
        intervalMs: 200,
      },
    );

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kabuto-datasets-"));
    const env = { DATASETS_DIR: dir, DATASET_RETENTION: "2", DATASET_MEMORY_LIMIT: "512MB" };
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000", ...env });
    await seedDatasetFixture(gateway.db.pool);
    subscriber = new Redis(gateway.serverEnv.REDIS_URL!);
    subscriber.on("error", () => undefined);
    await subscriber.subscribe(progressChannel(gateway.serverEnv.QUEUE_PREFIX!));
    subscriber.on("message", (_channel: string, message: string) =>
      events.push(progressEventSchema.parse(JSON.parse(message))),
    );
    await gateway.startWorker(UNREACHABLE_UPSTREAMS, env);
  });

  afterAll(async () => {
    subscriber?.disconnect();
    await gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe("bad requests: 400 naming the field", () => {
    const good = { from: FROM, to: TO, symbols: ["7203"], format: "parquet" };
    it.each([
      ["from after to", { ...good, from: TO, to: FROM }, "'from'"],
      ["an unknown code", { ...good, symbols: ["7203", "1301"] }, "'symbols'"],
      ["not a code", { ...good, symbols: ["ABCDEFG"] }, "'symbols'"],
      ["an unknown format", { ...good, format: "xlsx" }, "'format'"],
      ["a range with no stored bars", { ...good, from: "2020-01-06", to: "2020-03-31" }, "'from'"],
      ["neither symbols nor all", { from: FROM, to: TO, format: "csv" }, "'symbols'"],
    ])("%s", async (_case, body, field) => {
      const response = await post(body).expect(400);
      expect(response.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
      expect(response.body.message).toContain(field);
    });

    it.each([
      ["from after to", `from=${TO}&to=${FROM}&all=true`, "'from'"],
      ["an unknown code", `from=${FROM}&to=${TO}&symbols=7203,1301`, "'symbols'"],
      ["an unknown format", `from=${FROM}&to=${TO}&all=true&format=xlsx`, "'format'"],
      ["a range with no stored bars", "from=2020-01-06&to=2020-03-31&all=true", "'from'"],
    ])("price export with %s", async (_case, query, field) => {
      const response = await request(gateway.url).get(`/api/v1/prices/export?${query}`).expect(400);
      expect(response.body.message).toContain(field);
    });

    it("404 for a dataset that does not exist", async () => {
      await request(gateway.url).get("/api/v1/datasets/dataset-0-none").expect(404);
    });
  });

  it("builds a dataset in the worker with progress events, and serves its files with their content types", async () => {
    const accepted = await post({ from: FROM, to: TO, symbols: ["7203", "6758"], format: "parquet" }).expect(202);
    expect(accepted.body).toMatchObject({ success: true, status: "accepted", symbols: 2 });
    const id = accepted.body.dataset_id as string;
    const dataset = await completed(id);
    expect(dataset).toMatchObject({ rows: 260, format: "parquet", symbols: ["7203", "6758"] });
    expect(dataset.progress).toEqual({ total: 2, processed: 2, percentage: 100 });
    expect(dataset.files.map((file: { name: string }) => file.name)).toEqual(["dataset.parquet", "metadata.json"]);

    const mine = await waitUntil(
      "the dataset's completed event",
      () => events.filter((event) => event.batch_id === id),
      (seen) => seen.some((event) => event.status === "completed"),
    );
    expect(mine[0]!.status).toBe("running");
    expect(mine.at(-1)).toMatchObject({ status: "completed", progress: { total: 2, processed: 2, percentage: 100 } });

    const parquet = await download(`${gateway.url}/api/v1/datasets/${id}/files/dataset.parquet`);
    expect(parquet).toMatchObject({ status: 200, type: "application/vnd.apache.parquet" });
    const rows = await readParquetRows(parquet.bytes);
    expect(rows).toHaveLength(260);
    expect(new Set(rows.map((row) => row.code))).toEqual(new Set(["7203", "6758"]));

    const metadata = await request(gateway.url).get(`/api/v1/datasets/${id}/files/metadata.json`).expect(200);
    expect(metadata.headers["content-type"]).toMatch(/^application\/json/);
    expect(metadata.body).toMatchObject({ shape: [260, 65], source: "yahoo", date_range: { start: FROM, end: TO } });
    expect(metadata.body.request).toMatchObject({ symbols: ["7203", "6758"], format: "parquet" });
    await request(gateway.url).get(`/api/v1/datasets/${id}/files/dataset.csv`).expect(404);
    await rm(path.join(dir, id, "metadata.json"));
    const missing = await request(gateway.url).get(`/api/v1/datasets/${id}/files/metadata.json`).expect(404);
    expect(missing.body.message).toContain("DATASETS_DIR");
    await request(gateway.url).get(`/api/v1/datasets/${id}/files/..%2F..%2Fetc%2Fpasswd`).expect(400);
  });

  it("keeps only the newest DATASET_RETENTION datasets' files", async () => {
    const ids: string[] = [];
    for (const format of ["csv", "csv", "csv"]) {
      const accepted = await post({ from: FROM, to: TO, all: true, format }).expect(202);
      ids.push(accepted.body.dataset_id);
      await completed(accepted.body.dataset_id);
    }
    const list = (await request(gateway.url).get("/api/v1/datasets?limit=100").expect(200)).body;
    const live = list.datasets.filter((dataset: { expired_at: string | null }) => dataset.expired_at === null);
    expect(live.map((dataset: { id: string }) => dataset.id)).toEqual([ids[2], ids[1]]);
    const csv = await request(gateway.url).get(`/api/v1/datasets/${ids[2]}/files/dataset.csv`).expect(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.text.trim().split("\n")).toHaveLength(1 + 130 + 130 + 12);
    expect(existsSync(path.join(dir, ids[0]!))).toBe(false);
    const gone = await request(gateway.url).get(`/api/v1/datasets/${ids[0]}/files/dataset.csv`).expect(404);
    expect(gone.body.message).toContain("保持数");
  });

  it("exports plain bars as CSV and Parquet, streamed", async () => {
    const csv = await request(gateway.url)
      .get(`/api/v1/prices/export?from=${FROM}&to=${TO}&symbols=7203,6758&adjust=none`)
      .expect(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const [header, ...lines] = csv.text.trim().split("\n");
    expect(header).toBe("code,date,open,high,low,close,volume,turnover");
    expect(lines).toHaveLength(260);
    expect(lines[0]!.startsWith(`6758,${FROM},`)).toBe(true);
    expect(lines[130]!.startsWith(`7203,${FROM},`)).toBe(true);

    const split = await download(`${gateway.url}/api/v1/prices/export?from=${FROM}&to=${TO}&all=true&format=parquet`);
    expect(split).toMatchObject({ status: 200, type: "application/vnd.apache.parquet" });
    const rows = await readParquetRows(split.bytes);
    expect(rows).toHaveLength(272);
    // 6758 split 2:1 on its 71st day: as traded the close halves there, split-adjusted it does not.
    const asTraded = lines.filter((line) => line.startsWith("6758,")).map((line) => Number(line.split(",")[5]));
    const adjusted = rows.filter((row) => row.code === "6758").map((row) => row.close as number);
    expect(asTraded[70]! / asTraded[69]!).toBeLessThan(0.6);
    expect(adjusted[70]! / adjusted[69]!).toBeGreaterThan(0.9);
  });
});
