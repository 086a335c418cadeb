import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { Client } from "pg";

import { freePort } from "./free-port";
import { migrateDatabase } from "./migrate-database";
import { waitUntil } from "./wait-until";

const run = promisify(execFile);

/** Where a test database is copied from: a server and its migrated template. */
export interface DatabaseServer {
  url: string;
  template: string;
}

/**
 * A Redis and a PostgreSQL of one test's own, on free loopback ports, for fault tests that restart
 * or stop them without touching the servers every other test shares.
 */
export interface PrivateServers {
  redisUrl: string;
  database: DatabaseServer;
  /** Stops Redis gracefully (its AOF is written out, as on a real restart) and starts it again. */
  restartRedis(): Promise<void>;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back at once. */
  restartPostgres(): Promise<void>;
  /** `pg_ctl stop -m fast`; the server refuses connections until `startPostgres`. */
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  close(): Promise<void>;
}

function postgresBin(program: string): string {
  const root = "/usr/lib/postgresql";
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`no PostgreSQL under ${root}: npm test installs it (scripts/services.sh)`);
  return path.join(root, version, "bin", program);
}

/** PostgreSQL refuses to run as root: as root, its programs run as the postgres user. */
function asPostgres(program: string, args: string[]) {
  const bin = postgresBin(program);
  return process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", bin, ...args]) : run(bin, args);
}

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  // The settings scripts/services.sh starts the shared Redis with.
  const child = spawn(
    "redis-server",
    ["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec"],
    { stdio: "ignore" },
  );
  await waitUntil(`redis on port ${port}`, () => run("redis-cli", ["-p", String(port), "ping"]), undefined, {
    timeoutMs: 10_000,
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export async function startPrivateServers(): Promise<PrivateServers> {
  const dir = mkdtempSync(path.join(tmpdir(), "kabuto-servers-"));
  const redisPort = await freePort();
  const pgPort = await freePort();
  const pgData = path.join(dir, "postgres");
  if (process.getuid?.() === 0) chownSync(dir, Number((await run("id", ["-u", "postgres"])).stdout.trim()), 0);

  let redis = await startRedis(redisPort, dir);
  await asPostgres("initdb", ["-D", pgData, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const options = `-c listen_addresses=127.0.0.1 -p ${pgPort} -k ${pgData} -c fsync=off -c synchronous_commit=off`;
  const pgCtl = (...args: string[]) => asPostgres("pg_ctl", ["-D", pgData, "-w", "-t", "60", ...args]);
  const log = path.join(pgData, "server.log");
  const startPostgres = async () => void (await pgCtl("-l", log, "-o", options, "start"));
  await startPostgres();

  const serverUrl = `postgresql://postgres@127.0.0.1:${pgPort}/postgres`;
  const template = "kabuto_template";
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await migrateDatabase(`postgresql://postgres@127.0.0.1:${pgPort}/${template}`);

  return {
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    database: { url: serverUrl, template },
    async restartRedis() {
      await stopRedis(redis);
      redis = await startRedis(redisPort, dir);
    },
    async restartPostgres() {
      await pgCtl("-l", log, "-m", "fast", "restart");
    },
    async stopPostgres() {
      await pgCtl("-m", "fast", "stop");
    },
    startPostgres,
    async close() {
      await stopRedis(redis);
      await pgCtl("-m", "immediate", "stop").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
