import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

import { PermanentError, closeServer, listen } from "@kabuto/core";

import { JPX_MAX_BYTES } from "../jpx/jpx-listing.parser";
import { JpxClient } from "../jpx/jpx.client";
import { JQuantsClient } from "../jquants/jquants.client";
import { YahooChartClient } from "../yahoo/yahoo-chart.client";
import { UPSTREAM_MAX_BYTES } from "./upstream-request";

const API_KEY = "jq-secret-key-0123456789";

/** A server on 127.0.0.1 answering with `answer`, and the headers of every request it received. */
async function server(answer: (response: ServerResponse) => void) {
  const received: IncomingHttpHeaders[] = [];
  const http: Server = createServer((request, response) => {
    received.push(request.headers);
    answer(response);
  });
  const url = `http://127.0.0.1:${await listen(http, 0, "127.0.0.1")}`;
  return { url, received, close: () => closeServer(http) };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("the request succeeded");
    },
    (error: unknown) => error as Error,
  );

describe("every upstream client follows no redirect and caps what it reads (real HTTP servers)", () => {
  let elsewhere: Awaited<ReturnType<typeof server>>;
  let redirecting: Awaited<ReturnType<typeof server>>;

  beforeAll(async () => {
    elsewhere = await server((response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    redirecting = await server((response) => response.writeHead(302, { location: `${elsewhere.url}/stolen` }).end());
  });

  afterAll(async () => {
    await redirecting.close();
    await elsewhere.close();
  });

  const clients = (url: string) => ({
    "J-Quants": () => new JQuantsClient({ baseUrl: url, apiKey: API_KEY, timeoutMs: 2_000 }).fetchListing(),
    Yahoo: () =>
      new YahooChartClient({ baseUrl: url, timeoutMs: 2_000 }).fetchBars({
        symbol: "7203.T",
        interval: "1d",
        range: "1mo",
      }),
    JPX: () => new JpxClient({ listUrl: `${url}/data_j.xls`, timeoutMs: 2_000 }).fetchListing(),
  });

  it.each(["J-Quants", "Yahoo", "JPX"] as const)(
    "%s: a 302 is a permanent error naming the status, and the other host hears nothing",
    async (name) => {
      const error = await refusal(clients(redirecting.url)[name]());
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toMatch(/redirected \(HTTP 302\); upstream redirects are not followed$/);
      expect(error.message).not.toContain(API_KEY);
      expect(redirecting.received.at(-1)?.["x-api-key"]).toBe(name === "J-Quants" ? API_KEY : undefined);
      expect(elsewhere.received).toEqual([]);
    },
  );

  describe("an answer over the size cap is a permanent error naming the cap", () => {
    const overCap = Buffer.alloc(UPSTREAM_MAX_BYTES + 1, " ");

    it.each([
      [
        "plain",
        (response: ServerResponse) => response.writeHead(200, { "content-type": "application/json" }).end(overCap),
      ],
      [
        "gzipped (a few KB on the wire)",
        (response: ServerResponse) =>
          response
            .writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
            .end(gzipSync(overCap)),
      ],
    ])("J-Quants and Yahoo, %s", async (_how, answer) => {
      const big = await server(answer);
      try {
        for (const name of ["J-Quants", "Yahoo"] as const) {
          const error = await refusal(clients(big.url)[name]());
          expect(error).toBeInstanceOf(PermanentError);
          expect(error.message).toMatch(new RegExp(`the answer is larger than the ${UPSTREAM_MAX_BYTES}-byte cap$`));
        }
      } finally {
        await big.close();
      }
    });

    it("JPX, over its own cap", async () => {
      const big = await server((response) =>
        response.writeHead(200, { "content-type": "application/vnd.ms-excel" }).end(Buffer.alloc(JPX_MAX_BYTES + 1)),
      );
      try {
        const error = await refusal(clients(big.url).JPX());
        expect(error).toBeInstanceOf(PermanentError);
        expect(error.message).toBe(`JPX data_j.xls download: the answer is larger than the ${JPX_MAX_BYTES}-byte cap`);
      } finally {
        await big.close();
      }
    });
  });
});
