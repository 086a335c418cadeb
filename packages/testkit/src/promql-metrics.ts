/** PromQL words that look like metric names: keywords and the modifiers of label lists. */
const PROMQL_WORDS = new Set(["and", "or", "unless", "bool", "offset", "inf", "nan"]);

/**
 * The metric names a PromQL expression selects: label matchers, ranges, strings and label lists
 * (`by (…)`, `on (…)`) taken out, every identifier left that does not call a function.
 */
export function promqlMetricNames(expr: string): string[] {
  const selectors = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  const names = [...selectors.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter((match) => match[2] === undefined && !PROMQL_WORDS.has(match[1]!.toLowerCase()))
    .map((match) => match[1]!);
  return [...new Set(names)];
}

/** A histogram's series (`_bucket`, `_sum`, `_count`) by the name its `# TYPE` line declares. */
export function declaredName(series: string, declared: ReadonlySet<string>): string | undefined {
  if (declared.has(series)) return series;
  const base = series.replace(/_(bucket|sum|count)$/, "");
  return declared.has(base) ? base : undefined;
}
