import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium, type BrowserContext, type Page } from "playwright-core";

import { QUEUE, QUEUE_NAMES } from "@kabuto/core";
import { startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  freePort,
  spawnApp,
  startTestGateway,
  subscribeScheduleChanges,
  testServers,
  waitUntil,
  type SpawnedApp,
  type TestGateway,
} from "@kabuto/testkit";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = path.resolve(__dirname, "../../../../.data/screenshots/dashboard.png");
const API_KEY = "browser-test-key-0123456789";
/** About 60 listings in the simulated master: a job that finishes in seconds. */
const MARKET = "REIT・インフラファンド等";

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`dashboard browser test skipped: ${CHROMIUM} is missing (Debian package: apt-get install -y chromium)`);
}

(haveChromium ? describe : describe.skip)("the dashboard in headless Chromium against the simulator", () => {
  jest.setTimeout(90_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let browser: BrowserContext | undefined;
  let profile: string;
  let progress: SpawnedApp | undefined;
  let progressPort: number;
  /** While true, the browser cannot reach the progress service: the page must poll. */
  let progressBlocked = true;
  /** Requests that tried to leave the machine: there must be none. */
  const outside: string[] = [];

  beforeAll(async () => {
    profile = mkdtempSync(path.join(tmpdir(), "kabuto-chromium-"));
    sim = await startMarketSim({ seed: 11 });
    // A fresh profile each run; Playwright takes it as launchPersistentContext's argument, not as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      viewport: { width: 1280, height: 900 },
      locale: "ja-JP",
      timeout: 20_000,
    });
    progressPort = await freePort();
    gateway = await startTestGateway({
      API_KEY,
      RATE_LIMIT_PER_MINUTE: "100000",
      PROGRESS_PUBLIC_URL: `http://127.0.0.1:${progressPort}`,
    });
    progress = spawnApp("progress", {
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: gateway.redis.prefix,
      API_KEY,
      PROGRESS_PORT: String(progressPort),
      // The page's origin: the test gateway is not on the default port 3000.
      PROGRESS_CORS_ORIGINS: gateway.url,
    });
    await Promise.all([
      progress.waitFor(/progress listening/),
      gateway.startWorker(sim, { WORKER_CONCURRENCY: "16" }),
      // The simulator builds its xls once a day (seconds on a busy machine): before the sync, not during it.
      fetch(sim.jpxListUrl).then((response) => response.arrayBuffer()),
    ]);
    await browser.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "127.0.0.1") {
        outside.push(url.href);
        return route.abort();
      }
      return progressBlocked && url.port === String(progressPort) ? route.abort() : route.continue();
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (progress && progress.process.exitCode === null) {
      progress.process.kill("SIGTERM");
      await progress.exited();
    }
    await gateway?.close();
    await sim?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("without the progress service: syncs the master, runs jobs started by clicking to 100 % by polling, never going back, groups failures, draws a chart", async () => {
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(gateway.url);
    await enterApiKey(page, "wrong-key-wrong-key-wrong");
    await expectText(page, "#api-key-error", "APIキーが正しくありません");
    await enterApiKey(page, API_KEY);
    await expectText(page, "#ds-status", "有効");
    await expectText(page, "#ds-schedule", "毎日 11:30 (JST)");
    await expectText(page, "#live-status", "定期取得で更新中");
    expect(await page.isVisible("#bulk-symbols")).toBe(false);

    await page.getByRole("button", { name: "変更", exact: true }).click();
    const schedule = page.getByRole("dialog", { name: "定期実行時間の設定" });
    await schedule.getByLabel("時").selectOption("05");
    await schedule.getByLabel("分").selectOption("00");
    const scheduleChanges = await subscribeScheduleChanges(gateway.redis.prefix);
    try {
      await schedule.getByRole("button", { name: "保存" }).click();
      await expectText(page, "#ds-schedule", "毎日 05:00 (JST)");
      expect(await schedule.isVisible()).toBe(false);
      await waitUntil(
        "the gateway to announce the schedule change to schedulers",
        () => scheduleChanges.received,
        (received) => received.length > 0,
        { timeoutMs: 5_000 },
      );
      expect(scheduleChanges.received).toEqual(["master_sync"]);

      await expectText(page, "#ps-schedule", "営業日 19:00 (JST)");
      await expectText(page, "#ps-provider", "既定");
      await page.getByRole("button", { name: "株価更新の定期実行を変更" }).click();
      const priceSchedule = page.getByRole("dialog", { name: "株価更新の定期実行時間の設定" });
      await priceSchedule.getByLabel("時").selectOption("18");
      await priceSchedule.getByLabel("分").selectOption("30");
      await priceSchedule.getByLabel("データソース").selectOption("jquants");
      await priceSchedule.getByRole("button", { name: "保存" }).click();
      await expectText(page, "#ps-schedule", "営業日 18:30 (JST)");
      await expectText(page, "#ps-provider", "J-Quants");
      await waitUntil(
        "the gateway to announce the price schedule change",
        () => scheduleChanges.received,
        (received) => received.length > 1,
        { timeoutMs: 5_000 },
      );
      expect(scheduleChanges.received).toEqual(["master_sync", "daily_prices"]);
      expect(await gateway.db.prisma.syncSchedule.findUnique({ where: { jobName: "daily_prices" } })).toMatchObject({
        cronTime: "18:30",
        provider: "jquants",
      });
      expect(await page.textContent("#ds-schedule")).toBe("毎日 05:00 (JST)");
    } finally {
      await scheduleChanges.close();
    }

    await page.getByRole("button", { name: "今すぐ同期" }).click();
    await expectText(page, "#ds-monitor-title", "同期が完了しました", 40_000);
    const active = await gateway.db.prisma.company.count({ where: { isActive: true } });
    expect(await page.textContent("#ds-count")).toBe(`${active.toLocaleString("ja-JP")} 社`);
    await page.getByRole("button", { name: "実行履歴を見る" }).click();
    await expectText(page, "#ds-history-rows tr:first-child", "成功");

    const listed = await gateway.db.prisma.company.findMany({
      where: { isActive: true },
      take: 3,
      orderBy: { code: "asc" },
    });
    await page.getByLabel("銘柄コードを指定").check();
    await page
      .getByLabel("銘柄コード（空白・カンマ・改行区切り）")
      .fill(`${listed.map((company) => company.code).join(" ")}, 0001`);
    await page.getByRole("button", { name: "取得を開始" }).click();
    await expectText(page, "#job-status", "完了", 30_000);
    expect(await page.textContent("#job-processed")).toBe("4 / 4");
    await expectText(page, "#job-failures", "恒久的エラー: 1 件");
    const failedJob = (await page.textContent("#job-title"))!;
    await page.getByRole("button", { name: "再試行" }).click();
    await page.locator("#job-title").filter({ hasNotText: failedJob }).waitFor();
    await expectText(page, "#job-status", "完了", 30_000);
    expect(await page.textContent("#job-processed")).toBe("1 / 1");
    expect(await page.textContent("#job-failed")).toBe("1");

    await page.getByLabel("銘柄マスタから").check();
    const listings = await gateway.db.prisma.company.count({ where: { isActive: true, marketName: MARKET } });
    expect(listings).toBeGreaterThanOrEqual(20);
    await page.locator("#bulk-market").selectOption({ label: MARKET });
    await expectText(page, "#bulk-target-count", `対象: ${listings} 銘柄`);
    await page.locator("#bulk-period").selectOption("1mo");
    // Every value the bar shows, with the job it belongs to, recorded in the page: it must never go down.
    await page.evaluate(`(() => {
      const bar = document.getElementById("job-progress");
      const title = document.getElementById("job-title");
      window.seenProgress = [];
      new MutationObserver(() => window.seenProgress.push([title.textContent, Number(bar.getAttribute("aria-valuenow"))]))
        .observe(bar, { attributeFilter: ["aria-valuenow"] });
    })()`);
    const firstJob = await page.textContent("#job-title");
    await page.getByRole("button", { name: "取得を開始" }).click();

    await page.locator("#job-title").filter({ hasNotText: firstJob! }).waitFor();
    const job = (await page.textContent("#job-title"))!;
    await expectText(page, "#job-percent", "100.0 %", 40_000);
    await expectText(page, "#job-status", "完了");
    expect(await page.getAttribute("#job-progress", "aria-valuenow")).toBe("100");
    expect(await page.textContent("#job-processed")).toBe(`${listings} / ${listings}`);
    const seen = ((await page.evaluate("window.seenProgress")) as [string, number][])
      .filter(([title]) => title === job)
      .map(([, value]) => value);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await expectText(page, "#job-list", "完了");

    const symbol = await gateway.db.prisma.priceBar.findFirstOrThrow({
      where: { symbol: { notIn: listed.map((company) => `${company.code}.T`) } },
      orderBy: { symbol: "asc" },
    });
    const bars = await gateway.db.prisma.priceBar.count({ where: { symbol: symbol.symbol, interval: "1d" } });
    await page.locator("#chart-code").fill(symbol.symbol.replace(/\.T$/, ""));
    await page.getByRole("button", { name: "表示", exact: true }).click();
    await expectText(page, "#chart-summary", `${symbol.symbol}：${bars} 本`);
    expect(await page.getAttribute("#chart-canvas", "aria-label")).toContain("ローソク足チャート");

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-mobile.png"), fullPage: true });
    console.warn(
      `dashboard screenshots: ${SCREENSHOT} (1280 px wide) and ${SCREENSHOT.replace(/\.png$/, "-mobile.png")} (390 px)`,
    );

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("with the progress service: follows jobs over Socket.IO and pauses, resumes and stops one, the key reused from localStorage", async () => {
    progressBlocked = false;
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const framesForJob: string[] = [];
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && payload.includes('"progress"')) framesForJob.push(payload);
      }),
    );

    await page.goto(gateway.url);
    await expectText(page, "#live-status", "リアルタイム更新中");
    expect(await page.isVisible("#api-key-dialog")).toBe(false);
    // Only events carry records per minute and the symbols in flight: record what the page shows.
    await page.evaluate(`(() => {
      window.liveTexts = [];
      const record = () => window.liveTexts.push(
        document.getElementById("job-throughput").textContent + " | " + document.getElementById("job-current").textContent);
      for (const id of ["job-throughput", "job-current"]) {
        new MutationObserver(record).observe(document.getElementById(id), { childList: true, characterData: true, subtree: true });
      }
    })()`);

    const codes = (
      await gateway.db.prisma.company.findMany({ where: { isActive: true, marketName: "グロース" }, take: 100 })
    ).map((company) => company.code);
    await page.getByLabel("銘柄コードを指定").check();
    await page.getByLabel("銘柄コード（空白・カンマ・改行区切り）").fill(codes.join("\n"));
    await page.getByRole("button", { name: "取得を開始" }).click();
    await expectText(page, "#job-processed", `${codes.length} / ${codes.length}`, 40_000);
    await expectText(page, "#job-status", "完了");
    const jobId = (await page.textContent("#job-title"))!.match(/job-[\w-]+/)![0];

    expect(framesForJob.some((frame) => frame.includes(jobId))).toBe(true);
    const texts = (await page.evaluate("window.liveTexts")) as string[];
    expect(texts.some((text) => text.includes("件/分"))).toBe(true);

    // The whole master: long enough to pause, resume and stop it from the buttons.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByLabel("銘柄マスタから").check();
    await page.locator("#bulk-market").selectOption("");
    await page.getByRole("button", { name: "取得を開始" }).click();
    await page.locator("#job-title").filter({ hasNotText: jobId }).waitFor();
    await expectText(page, "#job-status", "実行中");
    await page.getByRole("button", { name: "一時停止" }).click();
    await expectText(page, "#job-status", "一時停止中");
    await page.getByRole("button", { name: "再開" }).click();
    await expectText(page, "#job-status", "実行中");
    await page.getByRole("button", { name: "停止", exact: true }).click();
    await expectText(page, "#job-status", "停止済み", 20_000);
    expect(await page.isDisabled("#job-stop")).toBe(true);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("Bull Board at /admin/queues: 401 without the key; with it, lists every queue", async () => {
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // Chromium asks for Basic credentials; headless, with none to give, it gives the navigation up.
    await expect(page.goto(`${gateway.url}/admin/queues`)).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
    const refused = await page.request.get(`${gateway.url}/admin/queues`);
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toMatch(/^Basic /);

    await page.setExtraHTTPHeaders({ "X-API-KEY": API_KEY });
    expect((await page.goto(`${gateway.url}/admin/queues`))?.status()).toBe(200);
    for (const queue of QUEUE_NAMES) await page.getByRole("link", { name: queue }).first().waitFor({ timeout: 15_000 });
    await page.getByRole("link", { name: QUEUE.PRICE_FETCH }).first().click();
    // the queue's page, its job states as tabs (Bull Board follows the browser's locale)
    await expectText(page, "body", "完了", 15_000);
    expect(page.url()).toBe(`${gateway.url}/admin/queues/queue/${QUEUE.PRICE_FETCH}`);
    await page.screenshot({ path: SCREENSHOT.replace(/dashboard\.png$/, "queue-board.png"), fullPage: true });
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

async function enterApiKey(page: Page, key: string) {
  const dialog = page.getByRole("dialog", { name: "APIキーの入力" });
  await dialog.waitFor({ state: "visible" });
  await dialog.getByLabel("APIキー").fill(key);
  await dialog.getByRole("button", { name: "保存" }).click();
}

async function expectText(page: Page, selector: string, text: string, timeout = 10_000) {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ timeout });
}
