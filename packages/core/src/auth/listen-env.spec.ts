import { parseEnv } from "../env";
import { ConfigError } from "../errors";
import { LISTEN_ENV, isLoopbackHost, requireApiKeyOffLoopback } from "./listen-env";

const KEY = "a-key-of-sixteen-or-more";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost", "LOCALHOST"])(
    "%s is loopback",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(["0.0.0.0", "::", "192.168.1.10", "128.0.0.1", "::2", "::ffff:10.0.0.1", "2001:db8::1", "example.com"])(
    "%s is not",
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe("LISTEN_ENV with requireApiKeyOffLoopback", () => {
  const parse = (source: NodeJS.ProcessEnv) => parseEnv(LISTEN_ENV, source, requireApiKeyOffLoopback);

  it("listens on 127.0.0.1 without a key by default", () => {
    expect(parse({})).toEqual({ HOST: "127.0.0.1" });
  });

  it("takes any host with a key, and loopback ones without", () => {
    expect(parse({ HOST: "0.0.0.0", API_KEY: KEY })).toEqual({ HOST: "0.0.0.0", API_KEY: KEY });
    expect(parse({ HOST: "::1" }).HOST).toBe("::1");
    expect(parse({ HOST: "localhost" }).HOST).toBe("localhost");
  });

  it.each(["0.0.0.0", "::", "10.0.0.5", "kabuto.example"])(
    "refuses %s without API_KEY, in one line saying why",
    (host) => {
      expect(() => parse({ HOST: host })).toThrow(
        new ConfigError([
          `HOST is ${host}, not loopback: refusing to listen there without API_KEY (set API_KEY, 16+ characters, or HOST=127.0.0.1)`,
        ]),
      );
    },
  );

  it("reports a malformed host or a short key as bad variables", () => {
    expect(() => parse({ HOST: "http://0.0.0.0" })).toThrow(/HOST must be an IP address or a host name/);
    expect(() => parse({ HOST: "0.0.0.0", API_KEY: "short" })).toThrow(/API_KEY must be at least 16 characters/);
  });
});
