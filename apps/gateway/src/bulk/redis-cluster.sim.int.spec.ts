import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { io } from "socket.io-client";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  simulatorCodes,
  spawnApp,
  startBulkJob,
  startRedisCluster,
  startTestGateway,
  waitForJob,
  type SpawnedApp,
  type TestGateway,
  type TestRedisCluster,
} from "@kabuto/testkit";

const run = promisify(execFile);
const redisCli = async (port: number, ...args: string[]) =>
  (await run("redis-cli", ["-p", String(port), ...args], { timeout: 10_000 })).stdout.trim();

describe("a batch through a three-master Redis Cluster (Debian's redis-server on loopback)", () => {
  jest.setTimeout(150_000);
  let cluster: TestRedisCluster;
  let sim: MarketSim;
  let gateway: TestGateway;
  let progress: SpawnedApp | undefined;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    sim = await startMarketSim({ seed: 61 });
    const onCluster = { REDIS_CLUSTER_NODES: cluster.nodes };
    gateway = await startTestGateway({ ...onCluster, RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { ...onCluster, WORKER_CONCURRENCY: "4" });
    await gateway.startWorker(sim, { ...onCluster, WORKER_CONCURRENCY: "4" });
    progress = spawnApp("progress", { ...gateway.serverEnv, ...onCluster, PROGRESS_PORT: "0" });
  });

  afterAll(async () => {
    if (progress && progress.process.exitCode === null) {
      progress.process.kill("SIGTERM");
      await progress.exited();
    }
    await gateway?.close();
    await sim?.close();
    await cluster?.close();
  });

  it("runs the batch to completion with live progress, every key of the installation in the one slot of its {prefix}", async () => {
    const { url } = JSON.parse(await progress!.waitFor(/progress listening/)) as { url: string };
    const socket = io(url, { transports: ["websocket"], reconnection: false });
    const events: { batch_id: string; status: string }[] = [];
    socket.on("progress", (event: { batch_id: string; status: string }) => events.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => socket.emit("subscribe", { all: true }, () => resolve()));
      socket.once("connect_error", reject);
    });
    try {
      const symbols = [...(await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 30), "0001"];
      const id = await startBulkJob(gateway, { symbols, interval: "1d", period: "1mo" });
      const job = await waitForJob(gateway, id);
      expect(job).toMatchObject({ status: "completed", progress: { total: 31, successful: 30, failed: 1 } });
      expect(job.summary!.failures_by_class).toEqual({ permanent: 1 });
      expect(await gateway.db.prisma.priceBar.groupBy({ by: ["symbol"] })).toHaveLength(30);
      expect(events.some((event) => event.batch_id === id && event.status === "completed")).toBe(true);
    } finally {
      socket.disconnect();
    }

    const slot = Number(await redisCli(cluster.ports[0]!, "cluster", "keyslot", `{${gateway.redis.prefix}}`));
    const keysByNode = await Promise.all(cluster.ports.map(async (port) => Number(await redisCli(port, "dbsize"))));
    const inSlot = await Promise.all(
      cluster.ports.map(async (port) => Number(await redisCli(port, "cluster", "countkeysinslot", String(slot)))),
    );
    // BullMQ's queues and Kabuto's own keys, all on the node that owns the slot, none elsewhere
    expect(Math.max(...inSlot)).toBeGreaterThan(50);
    expect(keysByNode.sort()).toEqual(inSlot.sort());
  });
});
