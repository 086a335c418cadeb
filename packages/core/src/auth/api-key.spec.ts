import { apiKeyMatches } from "./api-key";

describe("apiKeyMatches", () => {
  it("accepts exactly the key", () => {
    expect(apiKeyMatches("a-long-enough-secret", "a-long-enough-secret")).toBe(true);
  });

  it("refuses another key, a prefix, a longer one and none", () => {
    expect(apiKeyMatches("a-long-enough-secret", "a-long-enough-secreT")).toBe(false);
    expect(apiKeyMatches("a-long-enough-secret", "a-long")).toBe(false);
    expect(apiKeyMatches("a-long-enough-secret", "a-long-enough-secret!")).toBe(false);
    expect(apiKeyMatches("a-long-enough-secret", undefined)).toBe(false);
  });
});
