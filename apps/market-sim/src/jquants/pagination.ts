/** Rows per page of a J-Quants list answer. */
export const PAGE_SIZE = 1000;

/** One page of `rows` from the offset `paginationKey` encodes, with the key of the next page when there is one. */
export function page<Row>(
  rows: readonly Row[],
  paginationKey: string | undefined,
): { data: Row[]; pagination_key?: string } {
  const offset = Number(Buffer.from(paginationKey ?? "", "base64url").toString() || 0);
  const next =
    offset + PAGE_SIZE < rows.length ? Buffer.from(String(offset + PAGE_SIZE)).toString("base64url") : undefined;
  return { data: rows.slice(offset, offset + PAGE_SIZE), ...(next ? { pagination_key: next } : {}) };
}
