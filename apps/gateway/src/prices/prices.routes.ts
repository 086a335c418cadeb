import { mkdir } from "node:fs/promises";
import path from "node:path";

import { Router } from "express";

import { priceExportQuerySchema, pricesQuerySchema, toYahooSymbol, type PriceBarBody } from "@kabuto/contract";
import { tokyoDate } from "@kabuto/core";
import { DATASET_CONTENT_TYPES, exportPrices, resolveSelection } from "@kabuto/dataset";
import { readPriceBars, type AdjustedBar } from "@kabuto/db";

import { selectionToApiError } from "../datasets/datasets.routes";
import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { PRICES_OPENAPI } from "./prices.openapi";

/** The earliest and latest instants a query without `from` or `to` reaches. */
const EVER = { from: new Date("1900-01-01T00:00:00Z"), to: new Date("2999-12-31T23:59:59.999Z") };

function serializePriceBar(bar: AdjustedBar, source: PriceBarBody["source"]): PriceBarBody {
  return {
    date: tokyoDate(bar.ts),
    ts: bar.ts.toISOString(),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume === null ? null : Math.round(bar.volume),
    turnover: bar.turnover,
    source,
  };
}

/**
 * `GET /v1/prices/export`: the daily bars of some symbols or every one as one CSV or Parquet file,
 * streamed (see exportPrices). `GET /v1/prices/:code`: one source's bars of one listing, oldest
 * first, as traded or adjusted (through `price_bars_adjusted()`), a page at a time: `next` says
 * where the following page starts.
 */
export function pricesRoutes(deps: Pick<FeatureContext, "db" | "config">): Router {
  const router = Router();
  const workDir = path.join(deps.config.datasets.dir, ".exports");

  router.get("/v1/prices/export", async (request, response) => {
    const query = validate(priceExportQuerySchema, request.query);
    const symbols = await resolveSelection(deps.db.pool, {
      source: query.source,
      from: query.from,
      to: query.to,
      symbols: query.symbols,
    }).catch((error: unknown) => {
      throw selectionToApiError(error);
    });
    await mkdir(workDir, { recursive: true });
    const file = query.format === "csv" ? "dataset.csv" : "dataset.parquet";
    response.setHeader("content-type", DATASET_CONTENT_TYPES[file]);
    response.setHeader(
      "content-disposition",
      `attachment; filename="prices-${query.source}-${query.from}-${query.to}.${query.format}"`,
    );
    try {
      await exportPrices(
        { pool: deps.db.pool, workDir },
        { source: query.source, symbols, from: query.from, to: query.to, adjust: query.adjust },
        query.format,
        response,
      );
    } catch (error) {
      // Once bytes went out the status is sent: the client sees a cut-off body instead of an error body.
      if (!response.headersSent) throw error;
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  router.get("/v1/prices/:code", async (request, response) => {
    const symbol = toYahooSymbol(String(request.params.code));
    if (!symbol) throw new ApiError("VALIDATION_ERROR", "銘柄コードは 7203 や 130A.T の形で指定してください");
    const query = validate(pricesQuerySchema, request.query);
    const { bars, more } = await readPriceBars(deps.db.pool, {
      source: query.source,
      symbol,
      interval: query.interval,
      from: query.from ? new Date(`${query.from}T00:00:00+09:00`) : EVER.from,
      to: query.to ? new Date(`${query.to}T23:59:59.999+09:00`) : EVER.to,
      adjust: query.adjust,
      after: query.cursor ? new Date(query.cursor) : undefined,
      limit: query.limit,
    });
    response.json({
      success: true,
      symbol,
      source: query.source,
      interval: query.interval,
      adjust: query.adjust,
      count: bars.length,
      bars: bars.map((bar) => serializePriceBar(bar, query.source)),
      next: more ? bars.at(-1)!.ts.toISOString() : null,
    });
  });
  return router;
}

/** `/api/v1/prices/…`. */
export const pricesFeature: GatewayFeature = { routes: pricesRoutes, openapi: PRICES_OPENAPI };
