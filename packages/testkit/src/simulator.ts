/** Where a running market simulator answers: what `startMarketSim` returns has these. */
export interface SimulatorUrls {
  yahooBaseUrl: string;
  jpxListUrl: string;
  jquantsBaseUrl: string;
}

/** Listing codes of the simulator's master, first page (1,000, sorted). */
export async function simulatorCodes(sim: Pick<SimulatorUrls, "jquantsBaseUrl">, apiKey: string): Promise<string[]> {
  const master = (await (
    await fetch(`${sim.jquantsBaseUrl}/equities/master`, { headers: { "x-api-key": apiKey } })
  ).json()) as {
    data: { Code: string }[];
  };
  return master.data.map((row) => (row.Code.length === 5 && row.Code.endsWith("0") ? row.Code.slice(0, 4) : row.Code));
}

/** Every row of a simulator J-Quants list answer (`path` with its query, e.g. `/indices/bars/daily/topix?from=…`), page after page. */
export async function simulatorPages(
  sim: Pick<SimulatorUrls, "jquantsBaseUrl">,
  apiKey: string,
  path: string,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let key: string | undefined;
  do {
    const url = `${sim.jquantsBaseUrl}${path}${key ? `&pagination_key=${key}` : ""}`;
    const response = await fetch(url, { headers: { "x-api-key": apiKey } });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as {
      data: Record<string, unknown>[];
      pagination_key?: string;
    };
    rows.push(...body.data);
    key = body.pagination_key;
  } while (key);
  return rows;
}

/** A listing's closes as traded (J-Quants' `C`; null on a halt) by date, from `from` on. */
export async function simulatorTradedCloses(
  sim: Pick<SimulatorUrls, "jquantsBaseUrl">,
  apiKey: string,
  code: string,
  from: string,
): Promise<Map<string, number | null>> {
  const rows = await simulatorPages(sim, apiKey, `/equities/bars/daily?code=${code}&from=${from}`);
  return new Map(rows.map((row) => [row.Date as string, row.C as number | null]));
}
