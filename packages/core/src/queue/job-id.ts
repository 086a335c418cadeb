/**
 * Deterministic, colon-free job id (BullMQ rejects `:` in custom ids), so a retry or a second
 * enqueue of the same unit never duplicates work.
 */
export function jobId(...parts: readonly (string | number)[]): string {
  return parts.map((part) => String(part).replace(/[:\s]/g, "_")).join("-");
}
