import type { BulkJob } from "@kabuto/contract";
import { GLOBAL_HELP } from "../args";
import { EXIT } from "../cli-error";
import { exitCodeForStatus, renderJobSummary } from "../job-summary";
import { createPollingProgressSource } from "../polling-progress-source";
import { renderProgressLine } from "../progress-line";
import type { ProgressSource } from "../progress-source";
import { isEnded, snapshotFromJob, type ProgressSnapshot } from "../progress-snapshot";
import { createProgressView } from "../progress-view";
import { createRateEstimator, etaSeconds } from "../rate-estimator";
import { connectSocketProgressSource } from "../socket-progress-source";
import { print, runJobCommand, type Command, type CommandContext } from "./command";

/** How long to wait for the status route to carry the summary after the last event said "ended". */
const SUMMARY_WAIT_MS = 10_000;

const INTERRUPTED = Symbol("interrupted");

/** After a start: with `--no-watch` only how to watch it later, else its progress to the end. */
export async function followStartedJob(jobId: string, noWatch: boolean | undefined, context: CommandContext) {
  if (!noWatch) return watchJob(jobId, context);
  print(context.deps, `進捗: kabuto watch ${jobId}`);
  return EXIT.OK;
}

/**
 * Shows a job's progress until it ends, then its summary. Events come from the progress service
 * when it answers within the socket timeout, else from polling the status route; a socket that
 * drops midway hands over to polling.
 */
export async function watchJob(jobId: string, context: CommandContext): Promise<number> {
  const { deps, api, config } = context;
  const first = await api.bulkStatus(jobId);
  if (isEnded(first.status)) return printSummary(context, first);

  let source: ProgressSource =
    (await connectSocketProgressSource({
      io: deps.io,
      url: config.progressUrl,
      apiKey: config.apiKey,
      jobId,
      timeoutMs: deps.timing.socketTimeoutMs,
      idleMs: deps.timing.socketIdleMs,
      clock: deps.clock,
    })) ?? polling(context, jobId);
  print(
    deps,
    source.name === "socket"
      ? `進捗: ${config.progressUrl} (Socket.IO)`
      : `進捗: ${api.baseUrl}/api/bulk/status を ${deps.timing.pollIntervalMs / 1000} 秒ごとに確認 (進捗サービスに接続できません)`,
  );

  const view = createProgressView(deps.stdout, deps.clock, deps.timing.lineIntervalMs);
  const estimator = createRateEstimator();
  const line = (snapshot: ProgressSnapshot) => {
    const measured = estimator.perSecond();
    const perSecond = snapshot.perMinute === null ? measured : snapshot.perMinute / 60;
    const eta =
      snapshot.estimatedCompletion === null
        ? etaSeconds(snapshot.total - snapshot.processed, perSecond)
        : Math.max(0, (snapshot.estimatedCompletion - deps.clock.now()) / 1000);
    return renderProgressLine({ snapshot, perSecond, etaSeconds: eta, columns: deps.stdout.columns });
  };
  const draw = (snapshot: ProgressSnapshot) => {
    estimator.add(deps.clock.now(), snapshot.processed);
    view.update(line(snapshot), snapshot.status);
  };

  let interrupt: () => void = () => {};
  const interrupted = new Promise<typeof INTERRUPTED>((resolve) => (interrupt = () => resolve(INTERRUPTED)));
  const stopListening = deps.onInterrupt(interrupt);
  try {
    let snapshot = snapshotFromJob(first);
    draw(snapshot);
    if (source.name === "socket") {
      // The job may have moved (or ended) between the first read and the join.
      snapshot = snapshotFromJob(await api.bulkStatus(jobId));
      draw(snapshot);
    }
    while (!isEnded(snapshot.status)) {
      const update = await Promise.race([source.next(), interrupted]);
      if (update === INTERRUPTED) {
        view.abort();
        deps.stderr.write(`監視をやめました (ジョブは続いています: kabuto watch ${jobId})\n`);
        return EXIT.INTERRUPTED;
      }
      if (update.kind === "lost") {
        source.close();
        source = polling(context, jobId);
        continue;
      }
      snapshot = update.kind === "snapshot" ? update.snapshot : snapshotFromJob(await api.bulkStatus(jobId));
      draw(snapshot);
    }
    view.finish(line(snapshot));
  } catch (error) {
    view.abort();
    throw error;
  } finally {
    stopListening();
    source.close();
  }
  return printSummary(context, await endedJob(context, jobId));
}

function polling(context: CommandContext, jobId: string): ProgressSource {
  return createPollingProgressSource({
    api: context.api,
    clock: context.deps.clock,
    jobId,
    intervalMs: context.deps.timing.pollIntervalMs,
  });
}

/** The job with its summary: a progress event may announce the end a moment before the status route shows it. */
async function endedJob(context: CommandContext, jobId: string): Promise<BulkJob> {
  const deadline = context.deps.clock.now() + SUMMARY_WAIT_MS;
  for (;;) {
    const job = await context.api.bulkStatus(jobId);
    if (job.summary || context.deps.clock.now() >= deadline) return job;
    await context.deps.clock.sleep(200);
  }
}

function printSummary(context: CommandContext, job: BulkJob): number {
  print(context.deps, ...renderJobSummary(job));
  return exitCodeForStatus(job.status);
}

export const watchCommand: Command = {
  name: "watch",
  summary: "ジョブの進捗をバーで表示し、終わったらサマリーを表示",
  help: `使い方: kabuto watch <job_id>

ジョブの進捗 (バー、割合、処理数/総数、失敗数、スループット、残り時間) を表示し続け、
終わったらサマリー (状態、成功、失敗とその内訳、保存件数、所要時間) を表示します。
進捗サービス (Socket.IO) に 2 秒以内につながらなければ、REST API を 1 秒ごとに確認します。
端末ではその場で書き換え、端末でなければ (CI のログなど) 数秒ごとに 1 行を出力します。

終了コード: 0 完了、1 失敗・停止済み、2 使い方の誤り、130 Ctrl-C (ジョブは続きます)

${GLOBAL_HELP}`,
  run(args, deps) {
    return runJobCommand(this.help, args, deps, watchJob);
  },
};
