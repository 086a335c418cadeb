import { parseAddress } from "./ip-address";

/**
 * The client a per-address limit counts against: an IPv4 address itself, an IPv6 address's /64
 * (one subscriber usually holds a whole /64, so counting single addresses would give it 2^64 tries).
 * IPv4-mapped IPv6 counts as its IPv4 address; anything else is taken as given.
 */
export function addressBucket(address: string): string {
  const parsed = parseAddress(address);
  if (parsed.family === 4) return parsed.ipv4;
  if (parsed.family === 6)
    return `${parsed.groups
      .slice(0, 4)
      .map((group) => group.toString(16))
      .join(":")}::/64`;
  return address;
}
