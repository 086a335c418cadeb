import { z } from "zod";

/** An answer without bars (a period with no trading) has an empty quote: `[{}]`. */
const numbers = z.array(z.number().nullable()).default([]);

/** The parts of Yahoo's `/v8/finance/chart` answer Kabuto reads. */
export const yahooChartSchema = z.object({
  chart: z.object({
    result: z
      .array(
        z.object({
          meta: z.object({
            symbol: z.string(),
            exchangeTimezoneName: z.string(),
            dataGranularity: z.string().optional(),
          }),
          timestamp: z.array(z.number()).optional(),
          events: z
            .object({
              splits: z
                .record(z.string(), z.object({ date: z.number(), numerator: z.number(), denominator: z.number() }))
                .optional(),
              dividends: z.record(z.string(), z.object({ date: z.number(), amount: z.number() })).optional(),
            })
            .optional(),
          indicators: z.object({
            quote: z.array(z.object({ open: numbers, high: numbers, low: numbers, close: numbers, volume: numbers })),
            adjclose: z.array(z.object({ adjclose: numbers })).optional(),
          }),
        }),
      )
      .nullable(),
    error: z.object({ code: z.string(), description: z.string() }).nullable(),
  }),
});
export type YahooChart = z.infer<typeof yahooChartSchema>;
