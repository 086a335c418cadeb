import express, { type Express } from "express";

export interface MarketSimOptions {
  seed: number;
}

/** The simulator's HTTP app (Yahoo, J-Quants and JPX under their real paths), not yet listening. */
export function createMarketSim(options: MarketSimOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", seed: options.seed });
  });
  return app;
}
