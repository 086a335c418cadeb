/* global document, Option */
/** Starts a bulk job: every active listing of the master (optionally one market) or a list of codes. */

import { formatCount } from "./format.js";

/** @param {string} id */
const byId = (id) => /** @type {any} */ (document.getElementById(id));

/**
 * @param {{ api: import("./api-client.js").ApiClient, intervals: readonly string[], periods: readonly string[],
 *           onStarted: (jobId: string) => void }} deps
 */
export function createBulkStartForm(deps) {
  const form = /** @type {HTMLFormElement} */ (byId("bulk-start-form"));
  const market = /** @type {HTMLSelectElement} */ (byId("bulk-market"));
  const symbols = /** @type {HTMLTextAreaElement} */ (byId("bulk-symbols"));
  const period = /** @type {HTMLSelectElement} */ (byId("bulk-period"));
  const interval = /** @type {HTMLSelectElement} */ (byId("bulk-interval"));
  const provider = /** @type {HTMLSelectElement} */ (byId("bulk-provider"));
  const count = byId("bulk-target-count");
  const error = byId("bulk-start-error");
  const submit = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));

  period.append(...deps.periods.map((value) => new Option(value, value, value === "1mo", value === "1mo")));
  interval.append(...deps.intervals.map((value) => new Option(value, value, value === "1d", value === "1d")));

  const target = () => /** @type {HTMLInputElement} */ (form.querySelector("input[name=target]:checked")).value;

  /** How many listings the chosen market holds, so the user sees the size of the job before starting it. */
  async function showTargetCount() {
    const query = new URLSearchParams({ limit: "1" });
    if (market.value) query.set("market_category", market.value);
    try {
      const answer = await deps.api.get(`/api/stock-master/list?${query}`);
      count.textContent =
        answer.total > 0
          ? `対象: ${formatCount(answer.total)} 銘柄`
          : "対象の銘柄がありません（銘柄マスタを同期してください）";
    } catch {
      count.textContent = "";
    }
  }

  async function loadMarkets() {
    const answer = await deps.api.get("/api/v1/companies/markets");
    const selected = market.value;
    market.replaceChildren(
      new Option("すべての市場", ""),
      ...answer.markets.map((/** @type {{ name: string }} */ entry) => new Option(entry.name, entry.name)),
    );
    market.value = selected;
    await showTargetCount();
  }

  /** @returns {object | string} the request body, or why the form cannot be sent */
  function body() {
    const common = { provider: provider.value, interval: interval.value, period: period.value };
    if (target() === "master")
      return { ...common, all: true, ...(market.value ? { market_category: market.value } : {}) };
    const codes = symbols.value.split(/[\s,、]+/).filter((code) => code !== "");
    if (codes.length === 0) return "銘柄コードを1つ以上入力してください";
    return { ...common, symbols: codes };
  }

  form.addEventListener("change", (event) => {
    if (/** @type {HTMLInputElement} */ (event.target).name === "target") {
      byId("bulk-master-fields").hidden = target() !== "master";
      byId("bulk-symbol-fields").hidden = target() !== "symbols";
    }
  });
  market.addEventListener("change", showTargetCount);
  // J-Quants serves daily bars only.
  provider.addEventListener("change", () => {
    if (provider.value === "jquants") interval.value = "1d";
    interval.disabled = provider.value === "jquants";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const request = body();
    if (typeof request === "string") {
      error.textContent = request;
      return;
    }
    error.textContent = "";
    submit.disabled = true;
    try {
      const answer = await deps.api.post("/api/bulk/start", request);
      deps.onStarted(answer.job_id);
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    } finally {
      submit.disabled = false;
    }
  });

  return { loadMarkets, showTargetCount };
}
