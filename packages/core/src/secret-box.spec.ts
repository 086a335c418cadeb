import { randomBytes } from "node:crypto";

import { createSecretBox, decodeEncryptionKey } from "./secret-box";

describe("secret box", () => {
  const box = createSecretBox(randomBytes(32));

  it("round-trips a secret and never shows it in the sealed form", () => {
    const sealed = box.seal("jq-api-key-123");
    expect(sealed).not.toContain("jq-api-key-123");
    expect(box.open(sealed)).toBe("jq-api-key-123");
  });

  it("seals the same secret differently each time", () => {
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });

  it("refuses a tampered secret and one sealed under another key", () => {
    const sealed = box.seal("secret");
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), flipped.toString("base64url")].join("."))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it("decodes a key from hex or base64 and refuses other lengths", () => {
    const key = randomBytes(32);
    expect(decodeEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(decodeEncryptionKey(key.toString("base64"))).toEqual(key);
    expect(decodeEncryptionKey("too-short")).toBeUndefined();
  });
});
