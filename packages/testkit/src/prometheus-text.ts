/** The names of every metric a Prometheus text answer declares (its `# TYPE` lines). */
export function declaredMetrics(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) \w+$/gm)].map((match) => match[1]!));
}

/** The value of every sample of `metric` in a Prometheus text answer; a histogram's by its `_count`. */
export function metricValues(text: string, metric: string): number[] {
  const type = new RegExp(`^# TYPE ${metric} (\\w+)$`, "m").exec(text)?.[1];
  const sample = type === "histogram" ? `${metric}_count` : metric;
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${sample}{`) || line.startsWith(`${sample} `))
    .map((line) => Number(line.slice(line.lastIndexOf(" ") + 1)));
}

/** GET `url` (a `/metrics` endpoint) as text; throws on any status but 200. */
export async function scrape(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return response.text();
}
