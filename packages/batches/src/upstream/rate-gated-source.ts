import { UpstreamRateLimitError, type AdaptiveRate, type Logger, type RateChange } from "@kabuto/core";
import type { PriceSource } from "@kabuto/providers";

/**
 * `source` with each of its requests (one per fetchUnit and fetchActions: Yahoo's) passing `gate`
 * first, and its answers telling `rate` how the upstream took them. The process that changes the
 * rate logs it, so each change is logged once.
 */
export function rateGatedSource(
  source: PriceSource,
  options: { gate: () => Promise<void>; rate: AdaptiveRate; logger: Logger },
): PriceSource {
  const report = (change: RateChange | undefined) => {
    if (change)
      options.logger.info("upstream request rate changed", {
        provider: source.id,
        requests_per_minute: change.perMinute,
        reason: change.reason,
      });
  };
  async function gated<T>(request: () => Promise<T>): Promise<T> {
    await options.gate();
    const sentAt = Date.now();
    try {
      const answer = await request();
      report(await options.rate.succeeded());
      return answer;
    } catch (error) {
      if (error instanceof UpstreamRateLimitError) report(await options.rate.rateLimited(sentAt));
      throw error;
    }
  }
  const { fetchActions } = source;
  return {
    ...source,
    fetchUnit: (params) => gated(() => source.fetchUnit(params)),
    ...(fetchActions ? { fetchActions: (params) => gated(() => fetchActions(params)) } : {}),
  };
}
