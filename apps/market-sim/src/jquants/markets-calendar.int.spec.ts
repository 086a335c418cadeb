import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "../market-sim";

interface Page {
  data: Record<string, unknown>[];
  pagination_key?: string;
}

describe("simulated J-Quants v2 calendar", () => {
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 21 });
  });

  afterAll(() => sim.close());

  const get = async (path: string) => {
    const response = await fetch(`${sim.jquantsBaseUrl}${path}`, { headers: { "x-api-key": DEFAULT_JQUANTS_KEY } });
    return { status: response.status, body: (await response.json()) as Page };
  };

  it("answers the TSE calendar", async () => {
    const { body } = await get("/markets/calendar?from=2026-11-21&to=2026-11-24");
    expect(body.data).toEqual([
      { Date: "2026-11-21", HolDiv: "0" },
      { Date: "2026-11-22", HolDiv: "0" },
      { Date: "2026-11-23", HolDiv: "0" },
      { Date: "2026-11-24", HolDiv: "1" },
    ]);
  });
});
