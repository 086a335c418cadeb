/** Units per second over a sliding window of (time, processed) samples. */
export function createRateEstimator(windowMs = 10_000) {
  const samples: { at: number; processed: number }[] = [];
  return {
    add(at: number, processed: number): void {
      samples.push({ at, processed });
      while (samples.length > 2 && samples[0]!.at < at - windowMs) samples.shift();
    },
    /** Null until two samples are apart in time. */
    perSecond(): number | null {
      const first = samples[0];
      const last = samples[samples.length - 1];
      if (!first || !last || last.at <= first.at) return null;
      return (last.processed - first.processed) / ((last.at - first.at) / 1000);
    },
  };
}

/** Seconds left at `perSecond`; null when nothing moves. */
export function etaSeconds(remaining: number, perSecond: number | null): number | null {
  if (remaining <= 0) return 0;
  if (perSecond === null || perSecond <= 0) return null;
  return remaining / perSecond;
}
