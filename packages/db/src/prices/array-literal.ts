/**
 * PostgreSQL array literals for the bulk upsert's `unnest()`, built directly from the values:
 * node-postgres' generic encoding of JS arrays (prepareValue, escaping every element, Dates as
 * local-time strings) was an eighth of a worker's CPU on a whole-market run. Instants go as
 * epoch milliseconds.
 */
export type ArrayType = "number" | "epochMs" | "text";

const NEEDS_ESCAPE = /[\\"]/;

function element(value: unknown, type: ArrayType): string {
  if (value === null || value === undefined) return "NULL";
  if (type === "number") return String(value);
  if (type === "epochMs") return String((value as Date).getTime());
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, "\\$&")}"` : `"${text}"`;
}

/** `{a,b,NULL}` of `values` as elements of `type`; a text element is always quoted. */
export function arrayLiteral(values: readonly unknown[], type: ArrayType): string {
  let literal = "{";
  for (let index = 0; index < values.length; index++) {
    if (index > 0) literal += ",";
    literal += element(values[index], type);
  }
  return `${literal}}`;
}
