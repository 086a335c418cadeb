import { z } from "zod";

import { ApiError } from "./api-error";
import { validate } from "./validate";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  symbols: z.array(z.string(), "'symbols' は文字列リストで指定してください").optional(),
});

function refusal(input: unknown, schema: z.ZodType = query): ApiError {
  try {
    validate(schema, input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("validate accepted the input");
}

describe("validate", () => {
  it("returns the parsed input, coerced and with defaults", () => {
    expect(validate(query, { limit: "5" })).toEqual({ limit: 5 });
    expect(validate(query, {})).toEqual({ limit: 100 });
  });

  it("throws a 400 VALIDATION_ERROR naming the field, in Japanese", () => {
    const error = refusal({ limit: "5000" });
    expect(error).toMatchObject({ code: "VALIDATION_ERROR", status: 400 });
    expect(error.message).toMatch(/^'limit' .*1000/);
    expect(error.message).toMatch(/[\u3040-\u30ff]/);
  });

  it("keeps the schema's own message, naming the field once", () => {
    expect(refusal({ symbols: "7203" }).message).toBe("'symbols' は文字列リストで指定してください");
    expect(refusal({ symbols: [1] }).message).toMatch(/^'symbols\.0' /);
  });
});

describe("validate on hostile input", () => {
  const hostileKey = `x\u0000\u001b[2J${"k".repeat(100)}`;

  it("quotes an unrecognised key only as a short, sanitised excerpt", () => {
    const error = refusal({ [hostileKey]: 1 }, z.strictObject({ limit: z.number().optional() }));
    expect(error.message).toMatch(/^認識されていないキー: "x\[2Jk+…"$/);
    expect(error.message).not.toMatch(/\p{Cc}/u);
    expect(error.message).not.toContain("k".repeat(40));
  });

  it("names a record key the caller chose the same way, and a plain path as it is", () => {
    const schema = z.object({ counts: z.record(z.string(), z.number()) });
    expect(refusal({ counts: { [hostileKey]: "a" } }, schema).message).toMatch(/^"counts\.x\[2Jk+…" /);
    expect(refusal({ counts: { ok: "a" } }, schema).message).toMatch(/^'counts\.ok' /);
  });
});
