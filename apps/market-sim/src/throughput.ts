import { DEFAULT_JQUANTS_KEY, startMarketSim } from "./market-sim";

/**
 * `npm run sim:throughput`: serves a 1-year daily chart for every listing, one request after the
 * other, and prints the simulator's own requests/s (it must never be a benchmark's bottleneck).
 */
async function main() {
  const sim = await startMarketSim({ seed: 20260601 });
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
  } finally {
    await sim.close();
  }
}

void main();
