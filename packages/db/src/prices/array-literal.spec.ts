import { arrayLiteral } from "./array-literal";

describe("arrayLiteral", () => {
  it("writes numbers as JavaScript prints them and null as NULL", () => {
    expect(arrayLiteral([1, 2.5, null, -0.1, 1234567890123], "number")).toBe("{1,2.5,NULL,-0.1,1234567890123}");
  });

  it("writes instants as milliseconds since the epoch", () => {
    expect(arrayLiteral([new Date(Date.UTC(2026, 0, 5, 0, 0, 0, 7)), null], "epochMs")).toBe("{1767571200007,NULL}");
  });

  it("quotes text, escaping quotes and backslashes, so NULL or a comma stays text", () => {
    expect(arrayLiteral(["7203.T", 'a"b', "c\\d", "NULL", "x,y", ""], "text")).toBe(
      '{"7203.T","a\\"b","c\\\\d","NULL","x,y",""}',
    );
  });

  it("is {} for no values", () => {
    expect(arrayLiteral([], "number")).toBe("{}");
  });
});
