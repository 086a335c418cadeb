import {
  DATASET_FORMATS,
  DETAIL_STATUSES,
  MAX_SYMBOLS,
  PRICE_ADJUSTMENTS,
  PRICE_INTERVALS,
  PRICE_PROVIDERS,
  QUALITY_CHECKS,
} from "@kabuto/contract";

import {
  BAD_ID_VALUES,
  BOOLEAN_JSON,
  BOOLEAN_TEXT_VALUES,
  CODE_VALUES,
  DATE_JSON,
  DATE_VALUES,
  OFFSET_VALUES,
  TIME_JSON,
  UNKNOWN_ID_VALUES,
  enumJson,
  enumValues,
  limitValues,
  stringJson,
  symbolsJson,
  textValues,
} from "./hostile-families";
import {
  bodyCases,
  envelopeCases,
  ignoredCases,
  pathCases,
  queryCases,
  rangeCases,
  type HostileCase,
  type HostileMethod,
} from "./hostile-request";

const JOB_ROUTES: [HostileMethod, string][] = [
  ["get", "/api/bulk/status/{job_id}"],
  ["post", "/api/bulk/stop/{job_id}"],
  ["post", "/api/bulk/pause/{job_id}"],
  ["post", "/api/bulk/resume/{job_id}"],
  ["post", "/api/bulk/retry/{job_id}"],
  ["get", "/api/bulk/jobs/{job_id}/symbols"],
  ["get", "/api/v1/quality/checks/{check_id}"],
];

const BULK_START = { symbols: ["7203"], interval: "1d", period: "1mo", provider: "yahoo" };
const QUALITY_CHECK = { from: "2026-01-05", to: "2026-01-09", symbols: ["7203"] };
const FROM_AFTER_TO = { from: "2026-03-02", to: "2026-03-01" };
const DATASET = { from: "2026-01-05", to: "2026-01-09", symbols: ["7203"], format: "parquet" };
const DATASET_FILE_ROUTE = "/api/v1/datasets/{id}/files/{file}";

/** Cases aimed at one placeholder of a two-placeholder route, the other filled in `route`. */
const onRoute = (cases: HostileCase[]) => cases.map((one) => ({ ...one, route: DATASET_FILE_ROUTE }));

/** Every hostile case, route by route. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  ...ignoredCases(
    [
      "/",
      "/dashboard/config.json",
      "/assets/status-labels.js",
      "/assets/socket.io.esm.min.js",
      "/api/docs",
      "/api/v1/companies/markets",
      "/api/v1/companies/schedule",
      "/api/v1/prices/schedule",
      "/api/v1/data-sources",
    ],
    ["/health", "/metrics"],
  ),
  ...pathCases(
    "get",
    "/assets/{file}",
    [
      { label: "traversal", value: "../../package.json" },
      { label: "a NUL byte", value: "status-labels.js\u0000" },
      { label: "backslash traversal", value: "..\\..\\package.json" },
    ],
    404,
  ),

  ...bodyCases(
    "post",
    "/api/bulk/start",
    BULK_START,
    {
      symbols: symbolsJson(MAX_SYMBOLS),
      all: BOOLEAN_JSON,
      market_category: stringJson("プライム"),
      interval: enumJson("1d"),
      period: enumJson("1mo"),
      provider: enumJson("yahoo"),
    },
    { "symbols and all": { symbols: ["7203"], all: true }, "all false, no symbols": { all: false }, "no field": {} },
  ),
  ...bodyCases("post", "/api/bulk/update", { provider: "yahoo" }, { provider: enumJson("yahoo") }),
  ...JOB_ROUTES.flatMap(([method, route]) => [
    ...pathCases(method, route, BAD_ID_VALUES, 400),
    ...pathCases(method, route, UNKNOWN_ID_VALUES, 404),
  ]),
  ...queryCases("/api/bulk/jobs", { limit: limitValues(100), offset: OFFSET_VALUES }),
  ...queryCases("/api/bulk/jobs/{job_id}/symbols", {
    status: enumValues(DETAIL_STATUSES),
    limit: limitValues(10_000),
    offset: OFFSET_VALUES,
  }),

  ...envelopeCases("post", "/api/stock-master/update", {}).filter((one) =>
    ["malformed JSON", "JSON null", "over 1 MB"].some((label) => one.name.endsWith(label)),
  ),
  ...queryCases("/api/stock-master/list", {
    is_active: BOOLEAN_TEXT_VALUES,
    market_category: textValues("プライム"),
    limit: limitValues(5000),
    offset: OFFSET_VALUES,
  }),

  ...bodyCases("post", "/api/v1/companies/sync", { source: "jpx" }, { source: enumJson("jpx"), force: BOOLEAN_JSON }),
  ...queryCases("/api/v1/companies/sync/status", { limit: limitValues(100) }),
  ...bodyCases(
    "put",
    "/api/v1/companies/schedule",
    { time: "06:00", enabled: true },
    { time: TIME_JSON, enabled: BOOLEAN_JSON },
    { "no field": {} },
  ),

  ...queryCases("/api/v1/companies", {
    market_code: textValues("0111"),
    sector17_code: textValues("1"),
    sector33_code: textValues("0050"),
    active_only: BOOLEAN_TEXT_VALUES,
    limit: limitValues(1000),
    offset: OFFSET_VALUES,
  }),
  ...queryCases(
    "/api/v1/companies/search",
    {
      q: [...textValues("トヨタ"), { label: "empty", value: "" }, { label: "blank", value: "   " }],
      limit: limitValues(1000),
    },
    { q: "トヨタ" },
  ),
  ...queryCases("/api/v1/companies/sectors", { type: enumValues(["17", "33"]) }),
  ...pathCases(
    "get",
    "/api/v1/companies/{code}",
    CODE_VALUES.filter((code) => code.value !== ""),
    400,
  ),
  ...pathCases("get", "/api/v1/companies/{code}", [{ label: "a well-formed code nobody has", value: "9998" }], 404),

  ...pathCases(
    "get",
    "/api/v1/prices/{code}",
    CODE_VALUES.filter((code) => code.value !== ""),
    400,
  ),
  ...queryCases("/api/v1/prices/{code}", {
    source: enumValues(PRICE_PROVIDERS),
    adjust: enumValues(PRICE_ADJUSTMENTS),
    interval: enumValues(PRICE_INTERVALS),
    from: DATE_VALUES,
    to: DATE_VALUES,
    limit: limitValues(10_000),
    cursor: [
      ...textValues("2026-01-05T00:00:00.000Z"),
      ...["yesterday", "2026-02-30T00:00:00Z", "2026-01-05"].map((value) => ({ label: value, value })),
    ],
  }),
  ...rangeCases("/api/v1/prices/{code}", { "from after to": FROM_AFTER_TO }),
  ...bodyCases(
    "put",
    "/api/v1/prices/schedule",
    { time: "19:00", enabled: true, provider: "yahoo" },
    { time: TIME_JSON, enabled: BOOLEAN_JSON, provider: enumJson("yahoo") },
    { "no field": {} },
  ),

  ...queryCases("/api/v1/topix", {
    from: DATE_VALUES,
    to: DATE_VALUES,
    limit: limitValues(10_000),
    cursor: DATE_VALUES,
  }),
  ...rangeCases("/api/v1/topix", { "from after to": FROM_AFTER_TO }),
  ...queryCases("/api/v1/investor-types", {
    section: [...textValues("TSEPrime"), { label: "a space", value: "TSE Prime" }, { label: "kana", value: "東証" }],
    from: DATE_VALUES,
    to: DATE_VALUES,
    limit: limitValues(10_000),
    cursor: [
      ...textValues("2026-01-05_TSEPrime_2026-01-09"),
      ...["2026-13-01_TSEPrime_2026-13-07", "2026-02-30_TSEPrime_2026-03-06", "x"].map((value) => ({
        label: value,
        value,
      })),
    ],
  }),
  ...rangeCases("/api/v1/investor-types", { "from after to": FROM_AFTER_TO }),

  ...bodyCases(
    "post",
    "/api/v1/quality/check",
    QUALITY_CHECK,
    {
      from: DATE_JSON,
      to: DATE_JSON,
      symbols: symbolsJson(MAX_SYMBOLS),
      all: BOOLEAN_JSON,
      source: enumJson("yahoo"),
    },
    {
      "symbols and all": { ...QUALITY_CHECK, all: true },
      "neither symbols nor all": { from: "2026-01-05", to: "2026-01-09" },
      "from after to": { ...QUALITY_CHECK, ...FROM_AFTER_TO },
    },
  ),
  ...queryCases("/api/v1/quality/issues", {
    batch_id: textValues("job-1"),
    symbol: CODE_VALUES,
    check: enumValues(QUALITY_CHECKS),
    limit: limitValues(1000),
    cursor: [
      ...textValues("1"),
      ...["0", "-1", "1.5", "9223372036854775808", "99999999999999999999"].map((value) => ({ label: value, value })),
    ],
  }),

  ...bodyCases(
    "put",
    "/api/v1/data-sources/jquants",
    { api_key: "sim-jquants-key", plan: "free" },
    {
      api_key: [
        ...stringJson("sim-jquants-key"),
        { label: "too short", value: "short" },
        { label: "blank", value: "          " },
        { label: "CR LF and a header", value: "sim-jquants-key\r\nX-Injected: 1" },
      ],
      plan: enumJson("free"),
    },
  ),

  ...bodyCases(
    "post",
    "/api/v1/datasets",
    DATASET,
    {
      from: DATE_JSON,
      to: DATE_JSON,
      symbols: symbolsJson(MAX_SYMBOLS),
      all: BOOLEAN_JSON,
      market_code: stringJson("0111"),
      source: enumJson("yahoo"),
      format: enumJson("parquet"),
    },
    {
      "symbols and all": { ...DATASET, all: true },
      "neither symbols nor all": { from: DATASET.from, to: DATASET.to, format: "csv" },
      "from after to": { ...DATASET, ...FROM_AFTER_TO },
      "market_code without all": { ...DATASET, market_code: "0111" },
      "a code the master does not know": { ...DATASET, symbols: ["1301"] },
      "no stored bars in the range": DATASET,
    },
  ),
  ...queryCases("/api/v1/datasets", { limit: limitValues(100), offset: OFFSET_VALUES }),
  ...pathCases("get", "/api/v1/datasets/{id}", BAD_ID_VALUES, 400),
  ...pathCases("get", "/api/v1/datasets/{id}", UNKNOWN_ID_VALUES, 404),
  ...onRoute(pathCases("get", "/api/v1/datasets/{id}/files/metadata.json", BAD_ID_VALUES, 400)),
  ...onRoute(pathCases("get", "/api/v1/datasets/{id}/files/metadata.json", UNKNOWN_ID_VALUES, 404)),
  ...onRoute(
    pathCases(
      "get",
      "/api/v1/datasets/no-such-dataset/files/{file}",
      [
        { label: "traversal", value: "../../package.json" },
        { label: "another file", value: "bars.csv" },
        { label: "a NUL byte", value: "metadata.json\u0000" },
      ],
      400,
    ),
  ),
  ...queryCases(
    "/api/v1/prices/export",
    {
      from: DATE_VALUES,
      to: DATE_VALUES,
      symbols: CODE_VALUES,
      all: enumValues(["true"]),
      source: enumValues(PRICE_PROVIDERS),
      adjust: enumValues(PRICE_ADJUSTMENTS),
      format: enumValues(DATASET_FORMATS),
    },
    { from: "2026-01-05", to: "2026-01-09", symbols: "7203" },
  ),
  ...rangeCases("/api/v1/prices/export", {
    "from after to": { ...FROM_AFTER_TO, all: "true" },
    "no to": { from: "2026-01-05", all: "true" },
    "symbols and all": { from: "2026-01-05", to: "2026-01-09", symbols: "7203", all: "true" },
    "a code the master does not know": { from: "2026-01-05", to: "2026-01-09", symbols: "1301" },
    "no stored bars in the range": { from: "2026-01-05", to: "2026-01-09", all: "true" },
  }),

  ...queryCases("/api/v1/calendar", { from: DATE_VALUES, to: DATE_VALUES }, { from: "2026-01-01", to: "2026-12-31" }),
  ...rangeCases("/api/v1/calendar", {
    "from after to": FROM_AFTER_TO,
    "eleven years": { from: "2010-01-01", to: "2020-12-31" },
    "before 1989": { from: "1900-01-01", to: "1900-12-31" },
    "no to": { from: "2026-01-01" },
  }),
];
