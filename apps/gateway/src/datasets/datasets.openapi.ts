import {
  datasetAcceptedSchema,
  datasetFileParamsSchema,
  datasetListQuerySchema,
  datasetListResponseSchema,
  datasetParamsSchema,
  datasetRequestSchema,
  datasetResponseSchema,
} from "@kabuto/contract";

import { errorResponses, jsonRequestBody, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The ML datasets in the OpenAPI document. */
export const DATASETS_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/datasets",
    summary:
      "Build an ML dataset (seed 003's features over split-adjusted daily bars) of some symbols or every one, as Parquet or CSV with metadata.json; a worker builds it, with progress events like a batch's",
    tags: ["datasets"],
    request: { body: jsonRequestBody(datasetRequestSchema) },
    responses: {
      "202": jsonResponse("accepted: the dataset's id", datasetAcceptedSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/datasets",
    summary: "The dataset builds, newest first",
    tags: ["datasets"],
    request: { query: datasetListQuerySchema },
    responses: {
      "200": jsonResponse("a page of datasets", datasetListResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/datasets/{id}",
    summary: "One dataset build: its progress and, once completed, its files",
    tags: ["datasets"],
    request: { params: datasetParamsSchema },
    responses: {
      "200": jsonResponse("the dataset", datasetResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
    },
  },
  {
    method: "get",
    path: "/api/v1/datasets/{id}/files/{file}",
    summary: "Download one file of a completed dataset, streamed",
    tags: ["datasets"],
    request: { params: datasetFileParamsSchema },
    responses: {
      "200": {
        description: "the file",
        content: {
          "application/vnd.apache.parquet": { schema: { type: "string", format: "binary" } },
          "text/csv": { schema: { type: "string" } },
          "application/json": { schema: { type: "object" } },
        },
      },
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
    },
  },
];
