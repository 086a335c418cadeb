import type { z } from "zod";

import { bulkStartBodySchema, toYahooSymbol } from "@kabuto/contract";
import { unservableRange } from "@kabuto/providers";

export { toYahooSymbol };

/** `POST /api/bulk/start`'s body: the contract's rules, then how far back Yahoo serves the interval. */
export const bulkStartSchema = bulkStartBodySchema.superRefine((body, context) => {
  const unservable = body.provider === "yahoo" ? unservableRange(body.interval, body.period) : undefined;
  if (unservable) context.addIssue({ code: "custom", message: unservable, path: [] });
});

export type BulkStartRequest = z.infer<typeof bulkStartSchema>;
