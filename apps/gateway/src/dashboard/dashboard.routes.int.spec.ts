import request from "supertest";

import { startTestGateway, type TestGateway } from "@kabuto/testkit";

const API_KEY = "dashboard-test-key-0123456789";

describe("the dashboard at / (public, while /api keeps its key)", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ API_KEY });
  });

  afterAll(async () => {
    await gateway.close();
  });

  it("serves the page without a key, with a CSP that lets it reach only itself and the progress service", async () => {
    const page = await request(gateway.url).get("/").set("Host", "dash.example:3000").expect(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html; charset=utf-8/);
    expect(page.text).toContain('<html lang="ja">');
    expect(page.text).toContain("データソース");
    expect(page.text).toContain('<script type="module" src="/assets/main.js"></script>');
    const csp = page.headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' http://dash.example:3001 ws://dash.example:3001");
    expect(csp).not.toContain("unsafe-inline");
    await request(gateway.url).get("/api/bulk/jobs").expect(401);
  });

  it("serves the assets with their content types, and the Socket.IO client from node_modules", async () => {
    const script = await request(gateway.url).get("/assets/main.js").expect(200);
    expect(script.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(script.text).toContain("createApiClient");
    const css = await request(gateway.url).get("/assets/dashboard.css").expect(200);
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    const socketIo = await request(gateway.url).get("/assets/socket.io.esm.min.js").expect(200);
    expect(socketIo.headers["content-type"]).toMatch(/javascript/);
    expect(socketIo.text).toMatch(/Socket\.IO v4/);
    await request(gateway.url).get("/assets/no-such-file.js").expect(404);
    await request(gateway.url).get("/assets/../dashboard.routes.ts").expect(404);
  });

  it("gives the page its settings: progress URL from the host name it was reached by, key required, choices", async () => {
    const config = await request(gateway.url).get("/dashboard/config.json").set("Host", "10.0.0.5:3000").expect(200);
    expect(config.body).toEqual({
      progressUrl: "http://10.0.0.5:3001",
      apiKeyRequired: true,
      masterSyncRoom: "master-sync",
      intervals: expect.arrayContaining(["1d", "1wk", "5m"]),
      periods: expect.arrayContaining(["1mo", "1y", "max"]),
    });
  });

  it("uses PROGRESS_PUBLIC_URL when it is set", async () => {
    const configured = await startTestGateway({ PROGRESS_PUBLIC_URL: "https://progress.example/" });
    try {
      const config = await request(configured.url).get("/dashboard/config.json").expect(200);
      expect(config.body).toMatchObject({ progressUrl: "https://progress.example", apiKeyRequired: false });
      const page = await request(configured.url).get("/").expect(200);
      expect(page.headers["content-security-policy"]).toContain(
        "connect-src 'self' https://progress.example wss://progress.example",
      );
    } finally {
      await configured.close();
    }
  });
});
