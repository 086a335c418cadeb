import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "./market-sim";

/** Trading days fetched whole-market by date: 60 days × 5 pages stays under the Premium plan's 500 a minute. */
const JQUANTS_DATES = 60;

/**
 * `npm run sim:throughput`: serves a 1-year daily chart for every listing, one request after the
 * other, and prints the simulator's own requests/s (it must never be a benchmark's bottleneck).
 */
async function main() {
  const sim = await startMarketSim({ seed: 20260601, jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" } });
  try {
    const all: string[] = [];
    let key: string | undefined;
    do {
      const page = (await (
        await fetch(`${sim.jquantsBaseUrl}/equities/master${key ? `?pagination_key=${key}` : ""}`, {
          headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
        })
      ).json()) as { data: { Code: string }[]; pagination_key?: string };
      all.push(...page.data.map((row) => row.Code));
      key = page.pagination_key;
    } while (key);
    const codes = all.map((code) => (code.length === 5 && code.endsWith("0") ? code.slice(0, 4) : code));
    const started = performance.now();
    let bytes = 0;
    for (const code of codes) {
      const response = await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=1y`);
      bytes += (await response.arrayBuffer()).byteLength;
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `market-sim: ${codes.length} one-year daily charts in ${seconds.toFixed(1)} s = ${(codes.length / seconds).toFixed(0)} requests/s, ${(bytes / 1e6).toFixed(1)} MB\n`,
    );
    await jquantsByDate(sim);
  } finally {
    await sim.close();
  }
}

/** The whole market by date for the newest trading days, every page, as Kabuto's J-Quants jobs fetch it. */
async function jquantsByDate(sim: MarketSim) {
  const calendar = (await (
    await fetch(`${sim.jquantsBaseUrl}/markets/calendar?from=2026-08-01&to=2026-11-20&hol_div=1`, {
      headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
    })
  ).json()) as { data: { Date: string }[] };
  const dates = calendar.data.map((day) => day.Date).slice(-JQUANTS_DATES);
  const started = performance.now();
  let requests = 0;
  let rows = 0;
  for (const date of dates) {
    let key: string | undefined;
    do {
      const page = (await (
        await fetch(`${sim.jquantsBaseUrl}/equities/bars/daily?date=${date}${key ? `&pagination_key=${key}` : ""}`, {
          headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
        })
      ).json()) as { data: unknown[]; pagination_key?: string };
      requests += 1;
      rows += page.data.length;
      key = page.pagination_key;
    } while (key);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `market-sim: J-Quants daily bars for ${dates.length} dates (${requests} pages, ${rows} rows) in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(0)} requests/s, ${(rows / seconds).toFixed(0)} rows/s\n`,
  );
}

void main();
