import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";

/** Encrypts secrets at rest (AES-256-GCM, a fresh IV per secret, authenticated). */
export interface SecretBox {
  seal(plaintext: string): string;
  /** Throws when the sealed text was tampered with or sealed under another key. */
  open(sealed: string): string;
}

/** Decodes ENCRYPTION_KEY: 32 bytes as 64 hex digits or as base64. */
export function decodeEncryptionKey(text: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  return key.length === 32 ? key : undefined;
}

/** A secret box under a 32-byte key. Sealed form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("an AES-256 key has 32 bytes");
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("not a sealed secret");
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}
