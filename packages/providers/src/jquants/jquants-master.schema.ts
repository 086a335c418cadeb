import { z } from "zod";

/** One row of J-Quants v2 `/equities/master`. */
export const jquantsMasterRowSchema = z.object({
  Date: z.string(),
  Code: z.string(),
  CoName: z.string(),
  CoNameEn: z.string().nullish(),
  S17: z.string().nullish(),
  S17Nm: z.string().nullish(),
  S33: z.string().nullish(),
  S33Nm: z.string().nullish(),
  ScaleCat: z.string().nullish(),
  Mkt: z.string().nullish(),
  MktNm: z.string().nullish(),
  Mrgn: z.string().nullish(),
  MrgnNm: z.string().nullish(),
});
export type JQuantsMasterRow = z.infer<typeof jquantsMasterRowSchema>;
