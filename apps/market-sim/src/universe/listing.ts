import type { MarketKey } from "./sectors";

/** One simulated listing, as of one simulated day. */
export interface Listing {
  code: string;
  name: string;
  nameEnglish: string;
  market: MarketKey;
  sector33: number | null;
  sector17: number | null;
  scale: number | null;
  /** J-Quants' 貸借信用区分: 1 信用, 2 貸借, 3 その他. */
  margin: "1" | "2" | "3";
  /** First simulated day the listing exists, and the first day it no longer does. */
  listedFrom: number;
  delistedFrom: number;
  /** From this day on the listing has its new name. */
  renamedFrom: number;
  newName: string;
}
