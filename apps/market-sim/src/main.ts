import { createServer } from "node:http";

import { closeServer, createLogger, listen, loadDotEnv, onShutdownSignal, runMain } from "@kabuto/core";

import { loadMarketSimConfig } from "./env";
import { createMarketSim } from "./market-sim";

runMain("market-sim", async () => {
  loadDotEnv();
  const config = loadMarketSimConfig();
  const logger = createLogger({ service: "market-sim", ...config.log });
  const server = createServer(
    createMarketSim({
      seed: config.seed,
      baseDate: config.baseDate,
      faults: config.faults,
      jquantsKeys: config.jquantsKeys,
    }),
  );
  const port = await listen(server, config.http.port, config.http.host);
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [{ name: "http", run: () => closeServer(server) }]);
  logger.info("market-sim listening", { url: `http://127.0.0.1:${port}`, seed: config.seed });
});
