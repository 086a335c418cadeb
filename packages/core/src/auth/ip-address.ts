import { isIPv4, isIPv6 } from "node:net";

/** An address as one family: IPv4 (IPv4-mapped IPv6 included, `::ffff:1.2.3.4`), IPv6 groups, or neither. */
export type ParsedAddress = { family: 4; ipv4: string } | { family: 6; groups: number[] } | { family: undefined };

/** The 16-bit groups of one side of `::`, a dotted IPv4 tail counting as two. */
function groupsOf(part: string): number[] {
  if (part === "") return [];
  return part.split(":").flatMap((group) => {
    if (!group.includes(".")) return [parseInt(group, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}

/** The eight groups of a valid IPv6 address without its zone id. */
function ipv6Groups(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const left = groupsOf(head);
  if (tail === undefined) return left;
  const right = groupsOf(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** Parses an address as sockets and Express report it. */
export function parseAddress(address: string): ParsedAddress {
  if (isIPv4(address)) return { family: 4, ipv4: address };
  const [withoutZone = ""] = address.split("%");
  if (!isIPv6(withoutZone)) return { family: undefined };
  const groups = ipv6Groups(withoutZone);
  const [high = 0, low = 0] = groups.slice(6);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return { family: 4, ipv4: [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".") };
  }
  return { family: 6, groups };
}
