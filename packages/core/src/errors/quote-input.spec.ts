import { QUOTE_MAX_CHARS, quoteInput } from "./quote-input";

describe("quoteInput", () => {
  it("quotes short printable text as it is", () => {
    expect(quoteInput("130A")).toBe('"130A"');
    expect(quoteInput(20250930.5)).toBe('"20250930.5"');
  });

  it("drops NUL, escapes, bidi overrides and zero-width characters, and folds whitespace", () => {
    expect(quoteInput("a\u0000b\u001b[31mc\u202ed\u200be\r\n\tf")).toBe('"ab[31mcde f"');
  });

  it("cuts long input at the cap, counting characters rather than UTF-16 units", () => {
    const quoted = quoteInput("銘".repeat(100));
    expect(quoted).toBe(`"${"銘".repeat(QUOTE_MAX_CHARS)}…"`);
    expect(quoteInput("😀".repeat(40))).toBe(`"${"😀".repeat(QUOTE_MAX_CHARS)}…"`);
    expect(quoteInput("x".repeat(10), 4)).toBe('"xxxx…"');
  });

  it("drops a lone surrogate and escapes quotes, so the excerpt stays one valid JSON string", () => {
    const quoted = quoteInput('say "hi"\\ \ud800');
    expect(quoted).toBe('"say \\"hi\\"\\\\"');
    expect(JSON.parse(quoted)).toBe('say "hi"\\');
  });
});
