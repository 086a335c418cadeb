import { jquantsSource } from "./jquants/jquants.source";
import type { JQuantsClient } from "./jquants/jquants.client";
import type { PriceSources } from "./price-source";
import { yahooSource } from "./yahoo/yahoo.source";
import type { YahooChartClient } from "./yahoo/yahoo-chart.client";

/** Every price source, from its client: the one list a new provider is added to. */
export function createPriceSources(clients: {
  yahoo: YahooChartClient;
  jquants: () => Promise<JQuantsClient>;
}): PriceSources {
  return { yahoo: yahooSource(clients.yahoo), jquants: jquantsSource(clients.jquants) };
}
