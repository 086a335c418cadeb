import { Router } from "express";
import { z } from "zod";

import { isTradingDay } from "@kabuto/core";

const query = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hol_div: z.enum(["0", "1"]).optional(),
});

/** `/v2/markets/calendar`: one row a day, HolDiv "1" for a trading day and "0" for a closed one. */
export function marketsCalendarRoutes(): Router {
  const router = Router();
  router.get("/v2/markets/calendar", (request, response) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return void response.status(400).json({ message: "from and to (YYYY-MM-DD) are required." });
    const rows: { Date: string; HolDiv: string }[] = [];
    for (
      let time = Date.parse(`${parsed.data.from}T00:00:00Z`);
      time <= Date.parse(`${parsed.data.to}T00:00:00Z`) && rows.length < 3700;
      time += 86_400_000
    ) {
      const day = new Date(time).toISOString().slice(0, 10);
      const holDiv = isTradingDay(day) ? "1" : "0";
      if (parsed.data.hol_div === undefined || parsed.data.hol_div === holDiv) rows.push({ Date: day, HolDiv: holDiv });
    }
    response.json({ data: rows });
  });
  return router;
}
