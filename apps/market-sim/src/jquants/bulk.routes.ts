import { createHmac, timingSafeEqual } from "node:crypto";
import { gzipSync } from "node:zlib";

import { Router, type Request } from "express";
import { z } from "zod";

import type { MarketState } from "../market-state";
import { DAILY_BAR_COLUMNS, dailyBarRow } from "./daily-bar-row";
import { jquantsError } from "./jquants-query";

const BULK_ENDPOINT = "/equities/bars/daily";
/** Complete months offered as one file each, besides one file per trading day of this month. */
const MONTHLY_FILES = 2;
/** How long a download URL from /bulk/get stays valid, as J-Quants' presigned URLs. */
const URL_TTL_SECONDS = 300;
export const BULK_DOWNLOAD_PATH = "/__bulk/download";

const keyPattern = /^equities\/bars\/daily\/equities_bars_daily_(\d{6}|\d{8})\.csv\.gz$/;

interface BulkFile {
  key: string;
  /** YYYYMM (a month) or YYYYMMDD (a day). */
  period: string;
}

const csvCell = (value: string | number | null) => (value === null ? "" : String(value));

/**
 * `/v2/bulk/list` + `/v2/bulk/get` for daily bars: gzipped CSV files (a month each for recent
 * months, a day each for this month) behind short-lived signed download URLs.
 */
export function bulkRoutes(state: MarketState, secret: string): Router {
  const router = Router();
  const files = new Map<string, { day: number; body: Buffer; lastModified: string }>();

  function offered(): BulkFile[] {
    const today = state.today;
    const month = today.slice(0, 7);
    const months: string[] = [];
    for (let back = MONTHLY_FILES; back >= 1; back--) {
      const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - back, 1));
      months.push(date.toISOString().slice(0, 7).replace("-", ""));
    }
    const days = state.tradingDates(`${month}-01`, today).map((date) => date.replaceAll("-", ""));
    return [...months, ...days].map((period) => ({
      key: `equities/bars/daily/equities_bars_daily_${period}.csv.gz`,
      period,
    }));
  }

  function fileOf(file: BulkFile) {
    const cached = files.get(file.key);
    if (cached && cached.day === state.day) return cached;
    const start = `${file.period.slice(0, 4)}-${file.period.slice(4, 6)}-${file.period.length === 8 ? file.period.slice(6) : "01"}`;
    const end = file.period.length === 8 ? start : `${file.period.slice(0, 4)}-${file.period.slice(4, 6)}-31`;
    const lines = [DAILY_BAR_COLUMNS.join(",")];
    for (const date of state.tradingDates(start, end)) {
      for (const { listing, bar } of state.barsOn(date)) {
        const row = dailyBarRow(state, listing, bar);
        lines.push(DAILY_BAR_COLUMNS.map((column) => csvCell(row[column])).join(","));
      }
    }
    const built = {
      day: state.day,
      body: gzipSync(`${lines.join("\n")}\n`, { level: 1 }),
      lastModified: `${state.today}T09:00:00.000Z`,
    };
    files.set(file.key, built);
    return built;
  }

  const sign = (key: string, expires: number) =>
    createHmac("sha256", secret).update(`${key}\n${expires}`).digest("hex");

  router.get("/v2/bulk/list", (request, response) => {
    const endpoint = z.string().safeParse(request.query.endpoint);
    if (!endpoint.success) return jquantsError(response, 400, "This API requires the parameter 'endpoint'.");
    if (endpoint.data !== BULK_ENDPOINT) return void response.json({ data: [] });
    response.json({
      data: offered().map((file) => {
        const built = fileOf(file);
        return { Key: file.key, LastModified: built.lastModified, Size: built.body.length };
      }),
    });
  });

  router.get("/v2/bulk/get", (request: Request, response) => {
    const key = z.string().regex(keyPattern).safeParse(request.query.key);
    if (!key.success || !offered().some((file) => file.key === key.data)) {
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
    const file = offered().find((candidate) => candidate.key === key);
    if (!file) return void denied("The specified key does not exist");
    response.type("application/gzip").send(fileOf(file).body);
  });
  return router;
}
