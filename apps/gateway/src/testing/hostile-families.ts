/** A hostile value of a query or path parameter, before percent-encoding; an array repeats the parameter. */
export interface HostileValue {
  label: string;
  value: string | readonly string[];
}

/** A hostile value of a JSON body field. */
export interface HostileJson {
  label: string;
  value: unknown;
}

/** Ten kilobytes of one character. */
export const LONG = "x".repeat(10_000);

const named = (values: readonly string[]): HostileValue[] =>
  values.map((value) => ({ label: JSON.stringify(value), value }));

/** Control characters around an otherwise valid value, a very long one, and the parameter given twice. */
export function textValues(valid: string): HostileValue[] {
  return [
    { label: "a NUL byte", value: `${valid}\u0000` },
    { label: "an escape sequence", value: `\u001b[31m${valid}` },
    { label: "CR LF and a header", value: `${valid}\r\nX-Injected: 1` },
    { label: "10 kB", value: LONG },
    { label: "given twice", value: [valid, valid] },
  ];
}

/** Dates that do not exist or are not YYYY-MM-DD. */
export const DATE_VALUES: HostileValue[] = [
  ...named(["2026-13-01", "2026-02-30", "2026-00-10", "99999-01-01", "2026-1-1", "2026-01-01T00:00:00Z", "", "today"]),
  ...textValues("2026-01-05"),
];

/** Not a whole number in decimal digits. */
const NOT_INTEGERS = named(["-1", "1e309", "NaN", "1.5", "", "0x10", " 5", "Infinity", "5abc", "99999999999999999999"]);

/** What an `offset` (0 or more) must refuse. */
export const OFFSET_VALUES: HostileValue[] = [...NOT_INTEGERS, { label: "given twice", value: ["0", "1"] }];

/** What a `limit` of 1 to `max` must refuse. */
export function limitValues(max: number): HostileValue[] {
  return [...OFFSET_VALUES, ...named(["0", String(max + 1)])];
}

/** Values outside an enum: unknown, another case, padded, empty, two of them. */
export function enumValues(valid: readonly string[]): HostileValue[] {
  const [first, second] = [valid[0]!, valid[1] ?? valid[0]!];
  return [
    ...named(["nope", `${first} `, first.toUpperCase() === first ? `${first}x` : first.toUpperCase(), ""]),
    { label: "a NUL byte", value: `${first}\u0000` },
    { label: "given twice", value: [first, second] },
  ];
}

/** `"true"`/`"false"` parameters. */
export const BOOLEAN_TEXT_VALUES: HostileValue[] = [...enumValues(["true", "false"]), ...named(["1", "yes"])];

/** Not a TSE code: a float, traversal, SQL, full-width digits, empty, control characters, long. */
export const CODE_VALUES: HostileValue[] = [
  ...named(["1e309", "../../etc/passwd", "7203; DROP TABLE companies", "７２０３", "", "%", "_", "__proto__"]),
  ...textValues("7203").slice(0, 4),
];

/** Path ids (`{job_id}`, `{check_id}`) the id rule refuses. */
export const BAD_ID_VALUES: HostileValue[] = [
  ...named(["../../etc/passwd", "ジョブ", "x; DROP TABLE batch_executions", "%", "a".repeat(65)]),
  ...textValues("job").slice(0, 4),
];

/** Well-formed path ids that name nothing. */
export const UNKNOWN_ID_VALUES: HostileValue[] = named(["__proto__", "constructor", "no-such-job"]);

/** JSON values a string field must refuse, `valid` being one it takes. */
export function stringJson(valid: string): HostileJson[] {
  return [
    { label: "an array", value: [valid] },
    { label: "an object", value: { value: valid } },
    { label: "null", value: null },
    { label: "a number", value: 42 },
    { label: "a NUL byte", value: `${valid}\u0000` },
    { label: "10 kB", value: LONG },
  ];
}

/** JSON values a boolean field must refuse. */
export const BOOLEAN_JSON: HostileJson[] = [
  { label: '"true"', value: "true" },
  { label: "1", value: 1 },
  { label: "null", value: null },
  { label: "an array", value: [true] },
  { label: "an object", value: {} },
];

/** JSON values an enum field must refuse. */
export function enumJson(valid: string): HostileJson[] {
  return [
    { label: '"nope"', value: "nope" },
    { label: "upper case", value: valid.toUpperCase() === valid ? `${valid}x` : valid.toUpperCase() },
    { label: "null", value: null },
    { label: "an array", value: [valid] },
    { label: "a NUL byte", value: `${valid}\u0000` },
  ];
}

/** JSON values a YYYY-MM-DD field must refuse. */
export const DATE_JSON: HostileJson[] = [
  ...["2026-13-01", "2026-02-30", "2026-00-10", "99999-01-01", "2026-1-1"].map((value) => ({ label: value, value })),
  { label: "a number", value: 20260105 },
  { label: "null", value: null },
];

/** JSON values an HH:MM field must refuse. */
export const TIME_JSON: HostileJson[] = [
  ...["24:00", "7:00", "07:60", "07:00:00", "07:00\u0000"].map((value) => ({ label: JSON.stringify(value), value })),
  { label: "a number", value: 700 },
  { label: "null", value: null },
];

/** JSON values a list of TSE codes must refuse. */
export function symbolsJson(max: number): HostileJson[] {
  return [
    { label: "a string", value: "7203" },
    { label: "numbers", value: [7203] },
    { label: "a null item", value: [null] },
    { label: "a nested list", value: [["7203"]] },
    { label: "an object item", value: [{}] },
    { label: "an object", value: { 0: "7203" } },
    { label: "null", value: null },
    { label: "empty", value: [] },
    { label: `${max + 1} codes`, value: Array.from({ length: max + 1 }, () => "7203") },
    ...["1e309", "../", "7203; DROP TABLE price_bars", "７２０３", "", "7203\u0000"].map((code) => ({
      label: JSON.stringify(code),
      value: [code],
    })),
  ];
}
