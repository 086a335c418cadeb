import type { BulkJob } from "@kabuto/contract";
import type { ApiClient } from "../api-client";
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

/** What followJob resolves with when Ctrl-C stopped the watch (the job goes on). */
export const INTERRUPTED = Symbol("interrupted");

/** How watch reads, draws and sums up one kind of job (a bulk batch, a dataset build). */
export interface WatchedJob<Job> {
  /** The status route polled when the progress service does not answer. */
  statusPath: string;
  /** How to see the job again after Ctrl-C. */
  watchAgain(jobId: string): string;
  read(api: ApiClient, jobId: string): Promise<Job>;
  snapshot(job: Job): ProgressSnapshot;
  /** Whether an ended job already carries everything its summary shows. */
  summarised(job: Job): boolean;
  summary(job: Job): string[];
  exitCode(job: Job): number;
}

/** A bulk batch: `GET /api/bulk/status/:job_id`, summed up by renderJobSummary. */
export const BULK_JOB: WatchedJob<BulkJob> = {
  statusPath: "/api/bulk/status",
  watchAgain: (jobId) => `kabuto watch ${jobId}`,
  read: (api, jobId) => api.bulkStatus(jobId),
  snapshot: snapshotFromJob,
  summarised: (job) => job.summary !== undefined,
  summary: renderJobSummary,
  exitCode: (job) => exitCodeForStatus(job.status),
};

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
  const job = await followJob(jobId, context, BULK_JOB);
  if (job === INTERRUPTED) return EXIT.INTERRUPTED;
  print(context.deps, ...BULK_JOB.summary(job));
  return BULK_JOB.exitCode(job);
}

/**
 * Shows the progress of a job of any kind until it ends (or Ctrl-C: INTERRUPTED) and resolves with
 * the ended job, its summary not yet printed.
 */
export async function followJob<Job>(
  jobId: string,
  context: CommandContext,
  kind: WatchedJob<Job>,
): Promise<Job | typeof INTERRUPTED> {
  const { deps, api, config } = context;
  const first = await kind.read(api, jobId);
  if (isEnded(kind.snapshot(first).status)) return first;

  let source: ProgressSource =
    (await connectSocketProgressSource({
      io: deps.io,
      url: config.progressUrl,
      apiKey: config.apiKey,
      jobId,
      timeoutMs: deps.timing.socketTimeoutMs,
      idleMs: deps.timing.socketIdleMs,
      clock: deps.clock,
    })) ?? polling(context, jobId, kind);
  print(
    deps,
    source.name === "socket"
      ? `進捗: ${config.progressUrl} (Socket.IO)`
      : `進捗: ${api.baseUrl}${kind.statusPath} を ${deps.timing.pollIntervalMs / 1000} 秒ごとに確認 (進捗サービスに接続できません)`,
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
    let snapshot = kind.snapshot(first);
    draw(snapshot);
    if (source.name === "socket") {
      // The job may have moved (or ended) between the first read and the join.
      snapshot = kind.snapshot(await kind.read(api, jobId));
      draw(snapshot);
    }
    while (!isEnded(snapshot.status)) {
      const update = await Promise.race([source.next(), interrupted]);
      if (update === INTERRUPTED) {
        view.abort();
        deps.stderr.write(`監視をやめました (ジョブは続いています: ${kind.watchAgain(jobId)})\n`);
        return INTERRUPTED;
      }
      if (update.kind === "lost") {
        source.close();
        source = polling(context, jobId, kind);
        continue;
      }
      snapshot = update.kind === "snapshot" ? update.snapshot : kind.snapshot(await kind.read(api, jobId));
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
  return endedJob(context, jobId, kind);
}

function polling<Job>(context: CommandContext, jobId: string, kind: WatchedJob<Job>): ProgressSource {
  return createPollingProgressSource({
    read: async () => kind.snapshot(await kind.read(context.api, jobId)),
    clock: context.deps.clock,
    intervalMs: context.deps.timing.pollIntervalMs,
  });
}

/** The job with its summary: a progress event may announce the end a moment before the status route shows it. */
async function endedJob<Job>(context: CommandContext, jobId: string, kind: WatchedJob<Job>): Promise<Job> {
  const deadline = context.deps.clock.now() + SUMMARY_WAIT_MS;
  for (;;) {
    const job = await kind.read(context.api, jobId);
    if (kind.summarised(job) || context.deps.clock.now() >= deadline) return job;
    await context.deps.clock.sleep(200);
  }
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
