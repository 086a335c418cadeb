// Global lookups such as `imul` are slow inside a vm context (every jest test file runs in
// one), and these functions run millions of times a simulated market: bind them once.
const { imul, sqrt, log, cos, floor, PI } = Math;
const TINY = Number.MIN_VALUE;

/** A 32-bit FNV-1a hash: stable seeds from strings. */
export function hash(...parts: readonly (string | number)[]): number {
  let value = 0x811c9dc5;
  for (const char of parts.join("\u0000")) {
    value ^= char.codePointAt(0)!;
    value = imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Mulberry32: a small, fast, seeded PRNG in [0, 1). Same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = imul(value ^ (value >>> 15), value | 1);
    value ^= value + imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  return sqrt(-2 * log(random() || TINY)) * cos(2 * PI * random());
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[floor(random() * items.length)]!;
}
