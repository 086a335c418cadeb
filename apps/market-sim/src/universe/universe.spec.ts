import { createUniverse, listingsOn } from "./universe";

describe("simulated universe", () => {
  const universe = createUniverse(1);

  it("has about 4,400 listings with 4-digit, alphanumeric and 5-digit codes", () => {
    const today = listingsOn(universe, 0);
    expect(today.length).toBeGreaterThan(4300);
    expect(today.length).toBeLessThan(4500);
    expect(today.some((listing) => /^\d{3}[A-Z]$/.test(listing.code))).toBe(true);
    expect(today.map((listing) => listing.code)).toEqual(expect.arrayContaining(["7203", "130A", "25935"]));
    expect(new Set(today.map((listing) => listing.code)).size).toBe(today.length);
  });

  it("is the same for the same seed and differs for another", () => {
    expect(createUniverse(1)).toEqual(universe);
    expect(createUniverse(2).map((listing) => listing.name)).not.toEqual(universe.map((listing) => listing.name));
  });

  it("lists, delists and renames between days", () => {
    const day0 = new Map(listingsOn(universe, 0).map((listing) => [listing.code, listing.name]));
    const day20 = new Map(listingsOn(universe, 20).map((listing) => [listing.code, listing.name]));
    const added = [...day20.keys()].filter((code) => !day0.has(code));
    const removed = [...day0.keys()].filter((code) => !day20.has(code));
    const renamed = [...day20.keys()].filter((code) => day0.has(code) && day0.get(code) !== day20.get(code));
    expect(added.length).toBeGreaterThan(10);
    expect(removed.length).toBeGreaterThan(10);
    expect(renamed.length).toBeGreaterThan(10);
  });
});
