import type { AxiosRequestConfig } from "axios";

/**
 * The largest answer (after decompression) taken from an upstream JSON API. The biggest
 * legitimate ones are about 1 MB (a J-Quants page of 1,000 rows, Yahoo's `range=max` daily
 * chart of a 25-year-old listing); 16 MiB leaves room for growth while bounding memory.
 */
export const UPSTREAM_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Axios options every upstream request uses. Redirects are never followed, so a header such as
 * J-Quants' `x-api-key` only ever reaches the host it was meant for (a 3xx becomes a permanent
 * error, see toUpstreamError), and answers over `maxBytes` are cut off.
 */
export function upstreamRequestConfig(options: { timeoutMs: number; maxBytes?: number }): AxiosRequestConfig {
  const maxBytes = options.maxBytes ?? UPSTREAM_MAX_BYTES;
  return { timeout: options.timeoutMs, maxRedirects: 0, maxContentLength: maxBytes, maxBodyLength: maxBytes };
}
