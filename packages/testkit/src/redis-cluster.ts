import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { freePort } from "./free-port";
import { waitUntil } from "./wait-until";

const run = promisify(execFile);

/** A Redis Cluster of its own: three masters on loopback, no replicas. */
export interface TestRedisCluster {
  /** `127.0.0.1:port,…`: what REDIS_CLUSTER_NODES takes. */
  nodes: string;
  ports: number[];
  close(): Promise<void>;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Starts three cluster-enabled redis-server processes (Debian's) and joins them into one cluster. */
export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "kabuto-cluster-"));
  const ports = [await freePort(), await freePort(), await freePort()];
  const children = ports.map((port) =>
    spawn(
      "redis-server",
      [
        "--bind",
        "127.0.0.1",
        "--port",
        String(port),
        "--dir",
        dir,
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        `nodes-${port}.conf`,
        "--appendonly",
        "no",
        "--save",
        "",
      ],
      { stdio: "ignore" },
    ),
  );
  const close = async () => {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      await waitUntil(`cluster node on port ${port}`, () => run("redis-cli", ["-p", String(port), "ping"]), undefined, {
        timeoutMs: 10_000,
      });
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    await run("redis-cli", ["--cluster", "create", ...nodes, "--cluster-replicas", "0", "--cluster-yes"], {
      timeout: 30_000,
    });
    for (const port of ports) {
      await waitUntil(
        `cluster_state:ok on port ${port}`,
        async () => (await run("redis-cli", ["-p", String(port), "cluster", "info"])).stdout,
        (info) => info.includes("cluster_state:ok"),
        { timeoutMs: 20_000, intervalMs: 200 },
      );
    }
    return { nodes: nodes.join(","), ports, close };
  } catch (error) {
    await close();
    throw error;
  }
}
