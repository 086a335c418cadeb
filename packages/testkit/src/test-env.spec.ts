import { isStaleTestDatabase, testDatabaseName } from "./test-env";

describe("test database names", () => {
  it("say when they were made, so only a crashed run's are dropped", () => {
    const now = Date.now();
    expect(isStaleTestDatabase(testDatabaseName(), now)).toBe(false);
    expect(isStaleTestDatabase(`kabuto_t_${Math.floor(now / 1000) - 4 * 3600}_abcd`, now)).toBe(true);
    expect(isStaleTestDatabase("kabuto", now)).toBe(false);
  });
});
