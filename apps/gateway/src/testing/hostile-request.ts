import { LONG, type HostileJson, type HostileValue } from "./hostile-families";

export type HostileMethod = "get" | "post" | "put" | "delete";

/**
 * One hostile request and the answer it must get:
 * - 400 `VALIDATION_ERROR`: the input is refused;
 * - 404 `NOT_FOUND`: a well-formed id that names nothing, or a method no route serves (Express
 *   answers an unserved method like an unserved path: 404, not 405);
 * - 200: a route without input ignores the hostile query, and answers as without it (`sameAs`).
 */
export interface HostileCase {
  name: string;
  method: HostileMethod;
  /** The documented path the request aims at (`/api/bulk/status/{job_id}`). */
  route: string;
  /** Path and query as sent, percent-encoded. */
  url: string;
  body?: { json: unknown } | { raw: string; type: string };
  status: 200 | 400 | 404;
  /** The URL whose answer a 200 must equal. */
  sameAs?: string;
}

type Params = Record<string, string | readonly string[]>;

function queryString(params: Params): string {
  return Object.entries(params)
    .flatMap(([name, value]) =>
      (typeof value === "string" ? [value] : value).map(
        (one) => `${encodeURIComponent(name)}=${encodeURIComponent(one)}`,
      ),
    )
    .join("&");
}

function hostile(fields: Omit<HostileCase, "name">, label: string): HostileCase {
  return { ...fields, name: `${fields.status}: ${fields.method.toUpperCase()} ${fields.route}, ${label}` };
}

/** Each query parameter with each of its hostile values, the others valid (`valid`). */
export function queryCases(route: string, params: Record<string, HostileValue[]>, valid: Params = {}): HostileCase[] {
  const path = route.replace(/\{\w+\}/, "7203");
  return Object.entries(params).flatMap(([name, values]) =>
    values.map(({ label, value }) =>
      hostile(
        { method: "get", route, url: `${path}?${queryString({ ...valid, [name]: value })}`, status: 400 },
        `${name}: ${label}`,
      ),
    ),
  );
}

/** Whole queries that break a rule across parameters. */
export function rangeCases(route: string, queries: Record<string, Params>): HostileCase[] {
  const path = route.replace(/\{\w+\}/, "7203");
  return Object.entries(queries).map(([label, params]) =>
    hostile({ method: "get", route, url: `${path}?${queryString(params)}`, status: 400 }, label),
  );
}

export function pathCases(
  method: HostileMethod,
  route: string,
  values: HostileValue[],
  status: 400 | 404,
): HostileCase[] {
  return values.map(({ label, value }) => {
    const url = route.replace(/\{\w+\}/, encodeURIComponent(String(value)));
    return hostile({ method, route, url, status }, `path: ${label}`);
  });
}

const json = (value: unknown) => ({ raw: JSON.stringify(value), type: "application/json" });

/** Bodies that are not the JSON object of a route's schema, whatever the fields. */
export function envelopeCases(method: HostileMethod, route: string, valid: object): HostileCase[] {
  const fields = JSON.stringify(valid).slice(1);
  const depth = 50_000;
  const bodies: [string, HostileCase["body"]][] = [
    ["malformed JSON", { raw: '{"symbols": [', type: "application/json" }],
    ["JSON null", { raw: "null", type: "application/json" }],
    ["a JSON list", json([valid])],
    ["valid JSON as text/plain", { raw: JSON.stringify(valid), type: "text/plain" }],
    ["a form instead of JSON", { raw: "a=1", type: "application/x-www-form-urlencoded" }],
    ["an unknown field", json({ ...valid, unexpected: true })],
    ["a __proto__ key", { raw: `{"__proto__":{"polluted":true},${fields}`, type: "application/json" }],
    ["a constructor key", json({ ...valid, constructor: { prototype: { polluted: true } } })],
    ["a NUL key", json({ ...valid, "\u0000": 1 })],
    ["over 1 MB", json({ ...valid, padding: LONG.repeat(110) })],
    ["nested 50,000 deep", { raw: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`, type: "application/json" }],
  ];
  return bodies.map(([label, body]) => hostile({ method, route, url: route, body, status: 400 }, label));
}

/** Each body field with each of its hostile values, the others valid; then the envelope's cases. */
export function bodyCases(
  method: HostileMethod,
  route: string,
  valid: Record<string, unknown>,
  fields: Record<string, HostileJson[]>,
  conflicts: Record<string, Record<string, unknown>> = {},
): HostileCase[] {
  const fieldCases = Object.entries(fields).flatMap(([name, values]) =>
    values.map(({ label, value }) =>
      hostile(
        { method, route, url: route, body: { json: { ...valid, [name]: value } }, status: 400 },
        `${name}: ${label}`,
      ),
    ),
  );
  const conflictCases = Object.entries(conflicts).map(([label, body]) =>
    hostile({ method, route, url: route, body: { json: body }, status: 400 }, label),
  );
  return [...fieldCases, ...conflictCases, ...envelopeCases(method, route, valid)];
}

/** Hostile query keys that a route without input must ignore. */
const IGNORED_QUERY = `__proto__[polluted]=1&constructor[prototype][polluted]=1&%00=%00&x=${LONG}`;

export function ignoredCases(routes: readonly string[], volatile: readonly string[]): HostileCase[] {
  return [...routes, ...volatile].map((route) =>
    hostile(
      {
        method: "get",
        route,
        url: `${route}?${IGNORED_QUERY}`,
        status: 200,
        ...(volatile.includes(route) ? {} : { sameAs: route }),
      },
      "prototype keys, a NUL key and 10 kB in the query: ignored",
    ),
  );
}

/** A method no route of `path` serves, for every documented path. */
export function wrongMethodCases(paths: readonly string[]): HostileCase[] {
  return paths.map((route) =>
    hostile(
      { method: "delete", route, url: route.replace(/\{\w+\}/g, "x"), status: 404 },
      "a method the path does not serve",
    ),
  );
}
