import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import { Router } from "express";

import {
  datasetFileParamsSchema,
  datasetListQuerySchema,
  datasetParamsSchema,
  datasetRequestSchema,
} from "@kabuto/contract";
import { DATASET_CONTENT_TYPES, SelectionError, requestDataset } from "@kabuto/dataset";
import { datasetExportRepository, type DatasetFile } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { DATASETS_OPENAPI } from "./datasets.openapi";
import { serializeDataset } from "./dataset.serializer";

/** A refused selection as the 400 that names its field. */
export function selectionToApiError(error: unknown): unknown {
  return error instanceof SelectionError ? new ApiError("VALIDATION_ERROR", error.message) : error;
}

/**
 * The ML datasets: a build request (run by a worker, progress over Socket.IO like a batch's), the
 * builds, one build, and its files, streamed from DATASETS_DIR.
 */
export function datasetsRoutes(deps: Pick<FeatureContext, "db" | "queues" | "config">): Router {
  const router = Router();
  const datasets = datasetExportRepository(deps.db.prisma);

  async function found(id: string) {
    const dataset = await datasets.find(id);
    if (!dataset) throw new ApiError("NOT_FOUND", `データセット ${id} は見つかりません`);
    return dataset;
  }

  router.post("/v1/datasets", async (request, response) => {
    const body = validate(datasetRequestSchema, request.body);
    const accepted = await requestDataset({ db: deps.db, queues: deps.queues }, body).catch((error: unknown) => {
      throw selectionToApiError(error);
    });
    response
      .status(202)
      .json({ success: true, dataset_id: accepted.id, status: "accepted", symbols: accepted.symbols });
  });

  router.get("/v1/datasets", async (request, response) => {
    const query = validate(datasetListQuerySchema, request.query);
    const page = await datasets.list(query);
    response.json({ success: true, total: page.total, datasets: page.datasets.map(serializeDataset) });
  });

  router.get("/v1/datasets/:id", async (request, response) => {
    const { id } = validate(datasetParamsSchema, request.params);
    response.json({ success: true, dataset: serializeDataset(await found(id)) });
  });

  router.get("/v1/datasets/:id/files/:file", async (request, response) => {
    const { id, file } = validate(datasetFileParamsSchema, request.params);
    const dataset = await found(id);
    const stored = (dataset.files as unknown as DatasetFile[]).find((candidate) => candidate.name === file);
    if (!stored) {
      const why = dataset.expiredAt
        ? "保持数を超えたため削除されました"
        : `${dataset.status} のデータセットにはありません`;
      throw new ApiError("NOT_FOUND", `${file} は ${why}`);
    }
    const onDisk = path.join(deps.config.datasets.dir, id, file);
    await access(onDisk).catch(() => {
      throw new ApiError("NOT_FOUND", `${file} が DATASETS_DIR にありません (削除されたか、別のディレクトリです)`);
    });
    response.setHeader("content-type", DATASET_CONTENT_TYPES[file]);
    response.setHeader("content-length", String(stored.bytes));
    response.setHeader("content-disposition", `attachment; filename="${id}-${file}"`);
    await pipeline(createReadStream(onDisk), response);
  });
  return router;
}

/** `/api/v1/datasets/…`. */
export const datasetsFeature: GatewayFeature = { routes: datasetsRoutes, openapi: DATASETS_OPENAPI };
