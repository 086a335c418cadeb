import { z } from "zod";

/** The error codes every error body carries. */
export const API_ERROR_CODES = [
  "VALIDATION_ERROR",
  "UNAUTHORIZED",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMIT_EXCEEDED",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
] as const;
/** One error code. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** `{"success": false, "error": "CODE", "message": "…"}`, the answer of every error. */
export const errorBodySchema = z
  .object({
    success: z.literal(false),
    error: z.enum(API_ERROR_CODES),
    message: z.string().meta({ description: "in Japanese, for people" }),
  })
  .meta({ id: "ErrorBody" });
/** The error body. */
export type ErrorBody = z.infer<typeof errorBodySchema>;
