import { createHmac, timingSafeEqual } from "node:crypto";
import type { Writable } from "node:stream";
import { createGzip, gzipSync } from "node:zlib";

import { Router, type Request, type Response } from "express";
import { z } from "zod";

import type { MarketState } from "../market-state";
import { DAILY_BAR_COLUMNS, dailyBarRow } from "./daily-bar-row";
import { jquantsError } from "./jquants-query";
import { planWindow } from "./plan-window";
import type { JQuantsPlan } from "./plans";

const BULK_ENDPOINT = "/equities/bars/daily";
/** Day files kept built, for their exact Size in the list (a month has at most 23 trading days). */
const KEPT_FILES = 32;
/** Gzipped bytes per row of a file not built yet, for its listed Size (a built file lists its own). */
const ESTIMATED_ROW_BYTES = 38;
/** How long a download URL from /bulk/get stays valid, as J-Quants' presigned URLs. */
const URL_TTL_SECONDS = 300;
export const BULK_DOWNLOAD_PATH = "/__bulk/download";

const keyPattern = /^equities\/bars\/daily\/equities_bars_daily_(\d{6}|\d{8})\.csv\.gz$/;

interface BulkFile {
  key: string;
  /** YYYYMM (a month) or YYYYMMDD (a day). */
  period: string;
}

/** Resolves once `stream` can take more, or is gone; leaves no listener behind. */
function drainedOrClosed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

const csvCell = (value: string | number | null) => (value === null ? "" : String(value));

/** The first day of each month from `from`'s to the one before `today`'s (YYYY-MM-DD). */
function completeMonths(from: string, today: string): string[] {
  const months: string[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month.slice(0, 7) < today.slice(0, 7);) {
    months.push(month);
    const next = new Date(`${month}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    month = next.toISOString().slice(0, 10);
  }
  return months;
}

/**
 * `/v2/bulk/list` + `/v2/bulk/get` for daily bars, as J-Quants serves them to the paid plans:
 * gzipped CSV files (one per complete month of the plan's window, one per trading day of this
 * month) behind short-lived signed download URLs. The Free plan has no bulk access.
 */
export function bulkRoutes(state: MarketState, secret: string): Router {
  const router = Router();
  const files = new Map<string, { day: number; body: Buffer }>();

  function offered(plan: JQuantsPlan): BulkFile[] {
    const today = state.today;
    const window = planWindow(plan, today);
    const months = completeMonths(window.from, today).map((month) => month.slice(0, 7).replace("-", ""));
    const days = state.tradingDates(`${today.slice(0, 7)}-01`, today).map((date) => date.replaceAll("-", ""));
    return [...months, ...days].map((period) => ({
      key: `equities/bars/daily/equities_bars_daily_${period}.csv.gz`,
      period,
    }));
  }

  /** The trading dates a file holds. */
  function datesOf(file: BulkFile): string[] {
    const start = `${file.period.slice(0, 4)}-${file.period.slice(4, 6)}-${file.period.length === 8 ? file.period.slice(6) : "01"}`;
    const end = file.period.length === 8 ? start : `${file.period.slice(0, 4)}-${file.period.slice(4, 6)}-31`;
    return state.tradingDates(start, end);
  }

  function listedSize(file: BulkFile): number {
    const built = files.get(file.key);
    if (built && built.day === state.day) return built.body.length;
    if (file.period.length === 8) return fileOf(file).body.length;
    return datesOf(file).length * state.listings().length * ESTIMATED_ROW_BYTES;
  }

  /** The CSV lines of one trading date's whole market. */
  const linesOn = (date: string) =>
    state.barsOn(date).map(({ listing, bar }) => {
      const row = dailyBarRow(state, listing, bar);
      return DAILY_BAR_COLUMNS.map((column) => csvCell(row[column])).join(",");
    });
  const HEADER = DAILY_BAR_COLUMNS.join(",");

  /** A day's file, built whole and kept (its Size is listed exactly). */
  function fileOf(file: BulkFile) {
    const cached = files.get(file.key);
    if (cached && cached.day === state.day) return cached;
    const lines = [HEADER, ...datesOf(file).flatMap(linesOn)];
    const built = { day: state.day, body: gzipSync(`${lines.join("\n")}\n`, { level: 1 }) };
    files.delete(file.key);
    files.set(file.key, built);
    for (const key of files.keys()) if (files.size > KEPT_FILES) files.delete(key);
    return built;
  }

  const sign = (key: string, expires: number) =>
    createHmac("sha256", secret).update(`${key}\n${expires}`).digest("hex");

  const planOf = (response: Response) => response.locals.plan as JQuantsPlan;
  const refusedForFree = (response: Response) => {
    if (planOf(response) !== "free") return false;
    jquantsError(response, 403, "This API is not available on your subscription plan.");
    return true;
  };

  router.get("/v2/bulk/list", (request, response) => {
    if (refusedForFree(response)) return;
    const endpoint = z.string().safeParse(request.query.endpoint);
    if (!endpoint.success) return jquantsError(response, 400, "This API requires the parameter 'endpoint'.");
    if (endpoint.data !== BULK_ENDPOINT) return void response.json({ data: [] });
    response.json({
      data: offered(planOf(response)).map((file) => ({
        Key: file.key,
        LastModified: `${state.today}T09:00:00.000Z`,
        Size: listedSize(file),
      })),
    });
  });

  router.get("/v2/bulk/get", (request: Request, response) => {
    if (refusedForFree(response)) return;
    const key = z.string().regex(keyPattern).safeParse(request.query.key);
    if (!key.success || !offered(planOf(response)).some((file) => file.key === key.data)) {
      return jquantsError(response, 400, "The specified key does not exist.");
    }
    const expires = Math.floor(Date.now() / 1000) + URL_TTL_SECONDS;
    const url = new URL(`${BULK_DOWNLOAD_PATH}/${key.data}`, `${request.protocol}://${request.get("host")}`);
    url.searchParams.set("Expires", String(expires));
    url.searchParams.set("Signature", sign(key.data, expires));
    response.json({ url: url.toString() });
  });

  router.get(`${BULK_DOWNLOAD_PATH}/*key`, (request, response) => {
    const key = request.path.slice(BULK_DOWNLOAD_PATH.length + 1);
    const expires = Number(request.query.Expires);
    const signature = Buffer.from(String(request.query.Signature ?? ""));
    const expected = Buffer.from(sign(key, expires));
    const denied = (message: string) =>
      response
        .status(403)
        .type("application/xml")
        .send(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`,
        );
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      return void denied("Signature does not match");
    }
    if (!(expires * 1000 > Date.now())) return void denied("Request has expired");
    // The signature proves /bulk/get offered this key to the caller's plan.
    const period = keyPattern.exec(key)?.[1];
    if (!period) return void denied("The specified key does not exist");
    if (period.length === 8) return void response.type("application/gzip").send(fileOf({ key, period }).body);
    void streamMonth({ key, period }, response);
  });

  /**
   * A month's file (about 100,000 rows) streamed as it is made, a trading date at a time, the way
   * a storage service starts answering at once: other requests are served in between.
   */
  async function streamMonth(file: BulkFile, response: Response) {
    const gzip = createGzip({ level: 1 });
    // A client that goes away ends the making of its file.
    response.on("close", () => gzip.destroy());
    response.type("application/gzip");
    gzip.pipe(response);
    gzip.write(`${HEADER}\n`);
    for (const date of datesOf(file)) {
      if (gzip.destroyed) return;
      const lines = linesOn(date);
      if (lines.length > 0 && !gzip.write(`${lines.join("\n")}\n`)) await drainedOrClosed(gzip);
      await new Promise((resolve) => setImmediate(resolve));
    }
    gzip.end();
  }
  return router;
}
