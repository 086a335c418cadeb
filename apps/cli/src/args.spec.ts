import { runCli } from "./cli";
import { bulkStartBody, parseFetchOptions } from "./commands/fetch.command";
import { resolveConfig } from "./config";
import { testDeps } from "./testing/test-deps";

describe("fetch options", () => {
  it("takes comma-separated TSE codes, upper-cased, with the defaults", () => {
    const options = parseFetchOptions({ symbols: "7203, 6758.T,130a," });
    expect(bulkStartBody(options)).toEqual({
      symbols: ["7203", "6758.T", "130A"],
      period: "1y",
      interval: "1d",
      provider: "yahoo",
    });
  });

  it("turns --market into every active listing of that market and --all into all of them", () => {
    expect(bulkStartBody(parseFetchOptions({ market: "プライム", period: "1mo" }))).toEqual({
      all: true,
      market_category: "プライム",
      period: "1mo",
      interval: "1d",
      provider: "yahoo",
    });
    expect(bulkStartBody(parseFetchOptions({ all: true, interval: "1h", provider: "jquants" }))).toEqual({
      all: true,
      period: "1y",
      interval: "1h",
      provider: "jquants",
    });
  });

  it.each([
    [{}, "--all、--symbols、--market のどれか一つを指定してください"],
    [{ all: true, symbols: "7203" }, "--all、--symbols、--market のどれか一つを指定してください"],
    [{ symbols: "7203,TOYOTA" }, "--symbols に東証の銘柄コードではないものがあります: TOYOTA"],
    [{ symbols: " , " }, "--symbols には銘柄コードをカンマ区切りで指定してください"],
    [{ all: true, provider: "bloomberg" }, "--provider は yahoo か jquants です"],
    [{ all: true, period: "1 year" }, "--period は 1mo, 1y, max などで指定してください"],
  ])("refuses %j with one line", (values, message) => {
    expect(() => parseFetchOptions(values)).toThrow(message);
  });
});

describe("configuration", () => {
  it("prefers options, then KABUTO_* variables, then API_KEY, then the defaults", () => {
    expect(resolveConfig({}, {})).toEqual({
      url: "http://127.0.0.1:3000",
      progressUrl: "http://127.0.0.1:3001",
      apiKey: undefined,
    });
    expect(
      resolveConfig({}, { KABUTO_URL: "http://gw:8080/", KABUTO_PROGRESS_URL: "https://p.example", API_KEY: "k1" }),
    ).toEqual({ url: "http://gw:8080", progressUrl: "https://p.example", apiKey: "k1" });
    expect(
      resolveConfig(
        { url: "http://a:1", "api-key": "k3", "progress-url": "http://b:2" },
        { KABUTO_URL: "http://gw:8080", KABUTO_API_KEY: "k2", API_KEY: "k1" },
      ),
    ).toEqual({ url: "http://a:1", progressUrl: "http://b:2", apiKey: "k3" });
    expect(resolveConfig({}, { KABUTO_API_KEY: "k2", API_KEY: "k1" }).apiKey).toBe("k2");
  });

  it("refuses a URL that is not http(s)", () => {
    expect(() => resolveConfig({ url: "localhost:3000" }, {})).toThrow(
      "--url (KABUTO_URL) は http:// か https:// の URL で指定してください",
    );
  });
});

describe("command line", () => {
  async function run(...argv: string[]) {
    const deps = testDeps({
      fetch: () => Promise.reject(new Error("no request expected")),
    });
    const code = await runCli(argv, deps);
    return { code, out: deps.stdout.text(), err: deps.stderr.text() };
  }

  it.each([
    [[], "kabuto: コマンドを指定してください\n使い方: kabuto --help\n"],
    [["frobnicate"], "kabuto: 不明なコマンドです: frobnicate\n使い方: kabuto --help\n"],
    [["fetch", "--all", "--bogus"], "kabuto: 不明なオプションです: --bogus\n使い方: kabuto fetch --help\n"],
    [["fetch", "--period"], "kabuto: --period には値を指定してください\n使い方: kabuto fetch --help\n"],
    [["sync", "--no-wait=yes"], "kabuto: --no-wait は値を取りません\n使い方: kabuto sync --help\n"],
    [["sync", "--source", "edinet"], "kabuto: --source は jpx か jquants です\n使い方: kabuto sync --help\n"],
    [["status"], "kabuto: ジョブID を指定してください\n使い方: kabuto status --help\n"],
    [["stop", "a", "b"], "kabuto: 余分な引数です: b\n使い方: kabuto stop --help\n"],
    [["jobs", "--limit", "0"], "kabuto: --limit は 1〜100 の整数です\n使い方: kabuto jobs --help\n"],
    [
      ["watch", "job-1", "--url", "ftp://x"],
      "kabuto: --url (KABUTO_URL) は http:// か https:// の URL で指定してください\n使い方: kabuto watch --help\n",
    ],
  ])("%j is a usage error (exit 2) told in one line", async (argv, stderr) => {
    expect(await run(...argv)).toEqual({ code: 2, out: "", err: stderr });
  });

  it.each(["sync", "fetch", "watch", "status", "jobs", "stop", "pause", "resume"])(
    "%s --help prints its usage and exits 0",
    async (command) => {
      const { code, out, err } = await run(command, "--help");
      expect(code).toBe(0);
      expect(err).toBe("");
      expect(out).toContain(`使い方: kabuto ${command}`);
      expect(out).toContain("--api-key");
    },
  );

  it("says which gateway it could not reach (exit 1)", async () => {
    const { code, err } = await run("jobs", "--url", "http://127.0.0.1:9");
    expect(code).toBe(1);
    expect(err).toMatch(/^kabuto: ゲートウェイに接続できません: http:\/\/127\.0\.0\.1:9 \(no request expected\)/);
  });

  it("passes the gateway's error message on, VALIDATION_ERROR as a usage error", async () => {
    const answer = (status: number, error: string, message: string) => async () =>
      new Response(JSON.stringify({ success: false, error, message }), { status });
    const notFound = testDeps({ fetch: answer(404, "NOT_FOUND", "指定されたジョブが見つかりません") });
    expect(await runCli(["status", "job-x"], notFound)).toBe(1);
    expect(notFound.stderr.text()).toBe("kabuto: 指定されたジョブが見つかりません (HTTP 404 NOT_FOUND)\n");
    const invalid = testDeps({ fetch: answer(400, "VALIDATION_ERROR", "'period' は 1d, 5d のいずれかです") });
    expect(await runCli(["fetch", "--all", "--period", "7y"], invalid)).toBe(2);
    expect(invalid.stderr.text()).toBe("kabuto: 'period' は 1d, 5d のいずれかです (HTTP 400 VALIDATION_ERROR)\n");
  });
});
