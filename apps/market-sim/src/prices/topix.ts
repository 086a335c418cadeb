import { hash, normal, seededRandom } from "../random";

export interface IndexBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** TOPIX over `dates`: a seeded walk from about 1,500 points, two decimals, no halts. */
export function topixSeries(seed: number, dates: readonly string[]): IndexBar[] {
  const random = seededRandom(hash("topix", seed));
  let close = 1400 + random() * 200;
  return dates.map((date) => {
    const previous = close;
    close = previous * Math.exp(0.0002 + normal(random) * 0.01);
    const open = previous * (1 + normal(random) * 0.003);
    return {
      date,
      open: round2(open),
      high: round2(Math.max(open, close) * (1 + random() * 0.005)),
      low: round2(Math.min(open, close) * (1 - random() * 0.005)),
      close: round2(close),
    };
  });
}
