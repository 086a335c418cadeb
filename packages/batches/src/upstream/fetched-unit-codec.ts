import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";

import { z } from "zod";

import { PROVIDERS } from "@kabuto/core";
import type { FetchedUnit } from "@kabuto/providers";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const nullableNumber = z.number().nullable();
const source = z.enum(PROVIDERS);
const cachedUnitSchema = z.object({
  /** The key material the answer was fetched for: a read checks it, so no key is served another's answer. */
  key: z.string(),
  unit: z.object({
    bars: z.array(
      z.object({
        source: source,
        symbol: z.string(),
        interval: z.string(),
        ts: z.iso.datetime().transform((ts) => new Date(ts)),
        open: nullableNumber,
        high: nullableNumber,
        low: nullableNumber,
        close: nullableNumber,
        volume: nullableNumber,
        turnover: nullableNumber,
      }),
    ),
    actions: z.array(
      z.union([
        z.object({
          source: source,
          symbol: z.string(),
          exDate: z.string(),
          kind: z.literal("split"),
          ratio: z.number(),
        }),
        z.object({
          source: source,
          symbol: z.string(),
          exDate: z.string(),
          kind: z.literal("dividend"),
          amount: z.number(),
        }),
      ]),
    ),
    actionsFrom: z.string().optional(),
  }),
});

/** A fetched unit as stored in Redis: JSON, gzipped (a whole-market day shrinks about fivefold). */
export async function encodeFetchedUnit(key: string, unit: FetchedUnit): Promise<Buffer> {
  return gzipAsync(JSON.stringify({ key, unit }));
}

/**
 * The unit stored under `key`, with its bars' dates revived; undefined when the stored value is
 * another key's, or unreadable (then it is fetched again rather than trusted).
 */
export async function decodeFetchedUnit(key: string, stored: Buffer): Promise<FetchedUnit | undefined> {
  let json: unknown;
  try {
    json = JSON.parse((await gunzipAsync(stored)).toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = cachedUnitSchema.safeParse(json);
  if (!parsed.success || parsed.data.key !== key) return undefined;
  // An answer read back from Redis cost its reader no upstream request.
  return { ...parsed.data.unit, requests: 0 };
}
