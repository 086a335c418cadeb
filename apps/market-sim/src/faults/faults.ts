import type { NextFunction, Request, Response } from "express";
import { z } from "zod";

import { hash, seededRandom } from "../random";
import { badBarSchema } from "./bad-bars";

/** Misbehaviour to inject, set from the environment at start and from the admin API at runtime. */
export const faultsSchema = z.object({
  /** Added to every answer, plus up to `jitterMs` more. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  jitterMs: z.number().int().min(0).max(60_000).default(0),
  /**
   * Requests per minute per client (address) before 429; 0 = no limit. Like Yahoo's unpublished
   * limit: the requests answered over the last `rateLimitWindowMs` count, refused ones do not.
   */
  rateLimitPerMinute: z.number().int().min(0).default(0),
  /** The sliding window the limit counts over, the limit scaled to it; shorter ones let tests be quick. */
  rateLimitWindowMs: z.number().int().min(100).max(3_600_000).default(60_000),
  /** Whether those 429s say when to come back (Retry-After); real upstreams do not always. */
  rateLimitRetryAfter: z.boolean().default(true),
  /** Shares of requests answered 503, never answered, reset, or cut mid-JSON. */
  errorRate: z.number().min(0).max(1).default(0),
  hangRate: z.number().min(0).max(1).default(0),
  resetRate: z.number().min(0).max(1).default(0),
  malformedRate: z.number().min(0).max(1).default(0),
  /** Yahoo symbols ("7203.T") answered 404 every time. */
  failingSymbols: z.array(z.string()).default([]),
  /** Bad bars in the Yahoo chart answers and J-Quants' daily bars (see bad-bars.ts). */
  badBars: z.array(badBarSchema).default([]),
});
export type Faults = z.infer<typeof faultsSchema>;

/**
 * Express middleware applying the current faults. Draws come from a seeded sequence, so the same
 * requests in the same order meet the same faults.
 */
export function faultInjector(current: () => Faults, seed: number) {
  let random = seededRandom(hash("faults", seed));
  const answered = new Map<string, number[]>();
  const middleware = (request: Request, response: Response, next: NextFunction) => {
    const faults = current();
    const symbol = /^\/v8\/finance\/chart\/([^/?]+)/.exec(request.path)?.[1];
    if (symbol && faults.failingSymbols.includes(decodeURIComponent(symbol))) {
      response.status(404).json({
        chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } },
      });
      return;
    }
    if (faults.rateLimitPerMinute > 0) {
      const now = Date.now();
      const window = faults.rateLimitWindowMs;
      const limit = Math.max(1, Math.round((faults.rateLimitPerMinute * window) / 60_000));
      const client = request.ip ?? "unknown";
      const times = (answered.get(client) ?? []).filter((time) => time > now - window);
      answered.set(client, times);
      if (times.length >= limit) {
        const retryAfter = Math.max(1, Math.ceil((times[0]! + window - now) / 1000));
        if (faults.rateLimitRetryAfter) response.set("Retry-After", String(retryAfter));
        response
          .status(429)
          .json({ finance: { result: null, error: { code: "Too Many Requests", description: "Rate limited" } } });
        return;
      }
      times.push(now);
    }
    const draw = random();
    const delay = faults.latencyMs + Math.floor(random() * faults.jitterMs);
    const act = () => {
      let threshold = faults.hangRate;
      if (draw < threshold) return;
      if (draw < (threshold += faults.resetRate)) {
        request.socket.destroy();
        return;
      }
      if (draw < (threshold += faults.errorRate)) {
        response.status(503).json({ message: "Service Unavailable" });
        return;
      }
      if (draw < threshold + faults.malformedRate) {
        response.json = (body: unknown) => {
          const text = JSON.stringify(body);
          response.type("application/json").send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
          return response;
        };
      }
      next();
    };
    if (delay > 0) setTimeout(act, delay);
    else act();
  };
  return {
    middleware,
    /** Starts the fault sequence and the rate-limit windows over. */
    reset() {
      random = seededRandom(hash("faults", seed));
      answered.clear();
    },
  };
}
