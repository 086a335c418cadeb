#!/usr/bin/env node
// The demo's steps against a running stack: sync the listed-company master and show its progress.
// Usage: node scripts/demo-steps.mjs <gateway-url>
const gateway = process.argv[2] ?? "http://127.0.0.1:3000";
const headers = {
  "content-type": "application/json",
  ...(process.env.API_KEY ? { "x-api-key": process.env.API_KEY } : {}),
};

async function api(method, path, body) {
  const response = await fetch(`${gateway}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.message ?? ""}`);
  return json;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function syncMaster() {
  const started = Date.now();
  const { run } = await api("POST", "/api/v1/companies/sync", { source: "jpx" });
  process.stdout.write(`master sync #${run.id} (JPX data_j.xls): `);
  for (;;) {
    const status = await api("GET", "/api/v1/companies/sync/status?limit=1");
    const current = status.history[0];
    if (current.status === "completed") {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `done in ${seconds} s: ${current.total} listings, +${current.added} added, ${current.updated} updated, -${current.removed} removed`,
      );
      return status.active_companies;
    }
    if (current.status === "failed") throw new Error(`master sync failed: ${current.error}`);
    process.stdout.write(".");
    await sleep(250);
  }
}

function bar(fraction, width = 30) {
  const filled = Math.round(fraction * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

async function fetchEverything() {
  const started = Date.now();
  const { job_id: jobId } = await api("POST", "/api/bulk/start", { all: true, interval: "1d", period: "1y" });
  console.log(`bulk fetch ${jobId}: every active listing, 1 year of daily bars from Yahoo`);
  for (;;) {
    const { job } = await api("GET", `/api/bulk/status/${jobId}`);
    const { total, processed, failed, progress_percentage: percentage } = job.progress;
    const elapsed = (Date.now() - started) / 1000;
    const rate = processed / Math.max(elapsed, 0.001);
    const eta = rate > 0 ? Math.ceil((total - processed) / rate) : "?";
    const line = `${bar(total ? processed / total : 0)} ${percentage.toFixed(1).padStart(5)} %  ${processed}/${total}  failed ${failed}  ${rate.toFixed(0)} symbols/s  ETA ${eta} s`;
    process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
    if (job.summary) {
      const { summary } = job;
      process.stdout.write("\n");
      console.log(
        `${job.status}: ${summary.successful} symbols stored, ${summary.failed} failed ${JSON.stringify(summary.failures_by_class)}, ` +
          `${summary.records.toLocaleString("ja-JP")} bars in ${summary.duration_seconds.toFixed(1)} s`,
      );
      return;
    }
    await sleep(process.stdout.isTTY ? 200 : 2000);
  }
}

try {
  const active = await syncMaster();
  console.log(`${active.toLocaleString("ja-JP")} active companies in the master.`);
  await fetchEverything();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
