import { z } from "zod";

import { ApiError } from "./api-error";
import { validate } from "./validate";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  symbols: z.array(z.string(), "'symbols' は文字列リストで指定してください").optional(),
});

function refusal(input: unknown): ApiError {
  try {
    validate(query, input);
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
