/**
 * The rows of a Parquet file as read by hyparquet, a pure-JavaScript reader: Kabuto writes Parquet
 * with DuckDB, so a file that reads back here is readable by something other than its writer.
 * DATE columns come as Date (UTC midnight), BIGINT as bigint.
 */
export async function readParquetRows(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const { parquetReadObjects } = await import("hyparquet");
  const { compressors } = await import("hyparquet-compressors");
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file, compressors });
}
