/** Upstream URLs nothing answers at (port 9, discard): for apps a test runs that must never reach an upstream. */
export const UNREACHABLE_UPSTREAMS = {
  yahooBaseUrl: "http://127.0.0.1:9",
  jpxListUrl: "http://127.0.0.1:9/data_j.xls",
  jquantsBaseUrl: "http://127.0.0.1:9/v2",
} as const;
