import { randomBytes } from "node:crypto";

import type { SimulatorUrls } from "./simulator";
import { startTestGateway, type TestGateway } from "./test-gateway";

/**
 * A gateway talking to the simulator's J-Quants with `apiKey` stored the way a user stores it
 * (`PUT /api/v1/data-sources/jquants`, encrypted with a fresh ENCRYPTION_KEY), and `workers`
 * worker processes that can read it.
 */
export async function startJQuantsTestGateway(
  sim: SimulatorUrls,
  options: { apiKey: string; plan: string; workers?: number; workerEnv?: Record<string, string> },
): Promise<TestGateway> {
  const encryptionKey = randomBytes(32).toString("base64");
  const gateway = await startTestGateway({
    RATE_LIMIT_PER_MINUTE: "100000",
    ENCRYPTION_KEY: encryptionKey,
    JQUANTS_BASE_URL: sim.jquantsBaseUrl,
  });
  try {
    const stored = await fetch(`${gateway.url}/api/v1/data-sources/jquants`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ api_key: options.apiKey, plan: options.plan }),
    });
    if (stored.status !== 200) throw new Error(`storing the J-Quants key answered ${stored.status}`);
    for (let index = 0; index < (options.workers ?? 1); index++) {
      await gateway.startWorker(sim, { ENCRYPTION_KEY: encryptionKey, ...options.workerEnv });
    }
  } catch (error) {
    await gateway.close();
    throw error;
  }
  return gateway;
}
