import { existsSync } from "node:fs";
import { z } from "zod";

import { ConfigError } from "./errors";
import type { RedisTarget } from "./redis";
import { defaultLogFormat } from "./logger";
import { decodeEncryptionKey } from "./secret-box";

/** Default local PostgreSQL, as `npm run services:up` starts it. */
export const DEFAULT_DATABASE_URL = "postgresql://kabuto:kabuto@127.0.0.1:5432/kabuto";
/** Default local Redis, as `npm run services:up` starts it. */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

const LOG_LEVELS = ["error", "warn", "info", "http", "verbose", "debug", "silly"] as const;

function urlWithProtocols(protocols: readonly string[], what: string) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${what} URL (${protocols.map((p) => `${p}//`).join(" or ")}…)` },
  );
}

/** A TCP port; 0 asks the OS for a free one. */
export const portSchema = z.coerce
  .number({ message: "must be a port number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

/** Base URL of an HTTP(S) service, without a trailing slash. */
export const httpUrlSchema = urlWithProtocols(["http:", "https:"], "http(s)").transform((value) =>
  value.replace(/\/+$/, ""),
);

/** Every app reads these. */
export const COMMON_ENV = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
};

/** Apps that talk to PostgreSQL read this. */
export const DATABASE_ENV = {
  DATABASE_URL: urlWithProtocols(["postgresql:", "postgres:"], "PostgreSQL").default(DEFAULT_DATABASE_URL),
};

/** `host:port` of one Redis Cluster node; IPv6 in brackets (`[::1]:7000`). */
const clusterNode = z
  .string()
  .regex(/^(\[[0-9a-f:]+\]|[a-z0-9.-]+):\d{1,5}$/i, "must be host:port pairs separated by commas")
  .transform((node) => {
    const colon = node.lastIndexOf(":");
    return { host: node.slice(0, colon).replace(/^\[|\]$/g, ""), port: Number(node.slice(colon + 1)) };
  });

/** Apps that talk to Redis read these. */
export const REDIS_ENV = {
  REDIS_URL: urlWithProtocols(["redis:", "rediss:"], "Redis").default(DEFAULT_REDIS_URL),
  /** Redis Cluster instead of REDIS_URL's one server: some of its nodes, the rest are discovered. */
  REDIS_CLUSTER_NODES: z
    .string()
    .transform((text) => text.split(",").map((node) => node.trim()))
    .pipe(z.array(clusterNode))
    .optional(),
  /** BullMQ key prefix: several Kabuto installations (or test runs) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, "must be 1–32 characters of a-z, 0-9, _ and -")
    .default("kabuto"),
};

/** Apps that store or read upstream credentials read this (AES-256-GCM key). */
export const ENCRYPTION_ENV = {
  ENCRYPTION_KEY: z
    .string()
    .refine((value) => decodeEncryptionKey(value) !== undefined, {
      message: "must be 32 bytes, as 64 hex digits or base64 (openssl rand -hex 32)",
    })
    .optional(),
};

/** Where the upstream services are: the real ones by default, apps/market-sim in tests and the demo. */
export const UPSTREAM_ENV = {
  YAHOO_BASE_URL: httpUrlSchema.default("https://query1.finance.yahoo.com"),
  JQUANTS_BASE_URL: httpUrlSchema.default("https://api.jquants.com/v2"),
  JPX_LIST_URL: httpUrlSchema.default(
    "https://www.jpx.co.jp/markets/statistics-equities/misc/tvdivq0000001vg2-att/data_j.xls",
  ),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100, "must be at least 100").default(30_000),
};

/** Where datasets are written (the worker) and served from (the gateway): the same directory for both. */
export const DATASET_ENV = {
  DATASETS_DIR: z.string().min(1).default(".data/datasets"),
  /** Completed datasets kept; older ones lose their files. */
  DATASET_RETENTION: z.coerce.number().int().min(1, "must be at least 1").default(10),
  /** DuckDB's memory before it spills to disk, per dataset build ("2GB", "512MB"). */
  DATASET_MEMORY_LIMIT: z
    .string()
    .regex(/^[0-9]+(\.[0-9]+)?\s?(KB|MB|GB|KiB|MiB|GiB)$/, "must be a size such as 2GB or 512MB")
    .default("2GB"),
};

type EnvOf<Shape extends z.ZodRawShape> = z.output<z.ZodObject<Shape>>;

/**
 * COMMON_ENV and REDIS_ENV as the nested config every app hands on. On a Redis Cluster the prefix
 * is a hash tag (`{kabuto}`): every key of Kabuto's and BullMQ's then lives in one slot, as BullMQ's
 * multi-key scripts and Kabuto's own need.
 */
export function baseConfig(env: EnvOf<typeof COMMON_ENV> & EnvOf<typeof REDIS_ENV>) {
  return {
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL, format: defaultLogFormat(env) },
    redis: { url: env.REDIS_URL, clusterNodes: env.REDIS_CLUSTER_NODES } satisfies RedisTarget,
    queuePrefix: env.REDIS_CLUSTER_NODES ? `{${env.QUEUE_PREFIX}}` : env.QUEUE_PREFIX,
  };
}

/** UPSTREAM_ENV and ENCRYPTION_ENV as a nested config: where the upstreams are, and the key to stored credentials. */
export function upstreamConfig(env: EnvOf<typeof UPSTREAM_ENV> & EnvOf<typeof ENCRYPTION_ENV>) {
  return {
    upstream: {
      yahooBaseUrl: env.YAHOO_BASE_URL,
      jquantsBaseUrl: env.JQUANTS_BASE_URL,
      jpxListUrl: env.JPX_LIST_URL,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    },
    encryptionKey: env.ENCRYPTION_KEY === undefined ? undefined : decodeEncryptionKey(env.ENCRYPTION_KEY),
  };
}

/** What the gateway, the workers and the scheduler all read: Redis, PostgreSQL, the upstreams and their credentials. */
export const SERVICE_ENV = { ...COMMON_ENV, ...DATABASE_ENV, ...REDIS_ENV, ...UPSTREAM_ENV, ...ENCRYPTION_ENV };

/** SERVICE_ENV as the nested config those apps hand on. */
export function serviceConfig(env: EnvOf<typeof SERVICE_ENV>) {
  return { ...baseConfig(env), databaseUrl: env.DATABASE_URL, ...upstreamConfig(env) };
}

/** DATASET_ENV as a nested config. */
export function datasetConfig(env: EnvOf<typeof DATASET_ENV>) {
  return {
    datasets: { dir: env.DATASETS_DIR, retention: env.DATASET_RETENTION, memoryLimit: env.DATASET_MEMORY_LIMIT },
  };
}

/**
 * Parses the environment against a zod shape, once, at start-up.
 * Unset and empty variables both take the default; `check` sees the parsed variables together
 * (a rule across several of them) and reports through the context like a bad variable. On failure
 * throws a {@link ConfigError} whose one-line message names every bad variable and never echoes a
 * value (it may be a secret).
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  source: NodeJS.ProcessEnv = process.env,
  check: (env: z.output<z.ZodObject<Shape>>, context: z.RefinementCtx) => void = () => undefined,
): z.output<z.ZodObject<Shape>> {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = z.object(shape).superRefine(check).safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

/** Loads `.env` from the working directory when there is one; variables already set win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
