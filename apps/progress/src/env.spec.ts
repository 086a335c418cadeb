import { DEFAULT_CORS_ORIGINS, loadProgressConfig } from "./env";

describe("loadProgressConfig", () => {
  it("allows the dashboard's default origins and listens on 127.0.0.1 unless told otherwise", () => {
    const config = loadProgressConfig({});
    expect(config.cors.origins).toEqual(DEFAULT_CORS_ORIGINS);
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3001 });
  });

  it("reads PROGRESS_CORS_ORIGINS as origins, as browsers send them", () => {
    const config = loadProgressConfig({
      PROGRESS_CORS_ORIGINS: "https://kabuto.example:443, http://10.0.0.5:8080/,http://[::1]:3000",
    });
    expect(config.cors.origins).toEqual(["https://kabuto.example", "http://10.0.0.5:8080", "http://[::1]:3000"]);
  });

  it.each(["*", "kabuto.example", "ftp://kabuto.example", "https://kabuto.example/dashboard", "http://a.example,"])(
    "refuses PROGRESS_CORS_ORIGINS=%s",
    (origins) => {
      expect(() => loadProgressConfig({ PROGRESS_CORS_ORIGINS: origins })).toThrow(
        "Invalid configuration: PROGRESS_CORS_ORIGINS",
      );
    },
  );

  it("refuses a non-loopback HOST without API_KEY", () => {
    expect(() => loadProgressConfig({ HOST: "0.0.0.0" })).toThrow(/HOST is 0\.0\.0\.0, not loopback/);
    expect(loadProgressConfig({ HOST: "0.0.0.0", API_KEY: "k".repeat(16) }).http.host).toBe("0.0.0.0");
  });
});
