import { isTerminalProgress, type ProgressEvent } from "@kabuto/core";

export interface ProgressThrottleOptions {
  /** At most one event per batch this often; a terminal event goes at once. */
  intervalMs: number;
  /** Delivers an event to every room that follows its batch. */
  send(event: ProgressEvent): void;
  /** A finished batch is forgotten this long after its terminal event. */
  forgetFinishedAfterMs?: number;
  /** A batch without events for this long is forgotten. */
  forgetIdleAfterMs?: number;
  /** Told of every batch forgotten, and whether it had finished. */
  onForget?(batchId: string, finished: boolean): void;
}

interface BatchState {
  lastSent?: ProgressEvent;
  lastSentAt: number;
  pending?: ProgressEvent;
  timer?: NodeJS.Timeout;
  finished: boolean;
  touchedAt: number;
}

const FORGET_FINISHED_AFTER_MS = 60_000;
const FORGET_IDLE_AFTER_MS = 3_600_000;

/** Whether `next` would repeat `previous` or show its batch going backwards. */
function isStale(next: ProgressEvent, previous: ProgressEvent | undefined): boolean {
  if (previous === undefined || next.status !== previous.status) return false;
  const processed = next.progress.processed - previous.progress.processed;
  return processed < 0 || (processed === 0 && next.emitted_at === previous.emitted_at);
}

/**
 * Paces the events of each batch on one progress instance: at most one every `intervalMs`, the
 * newest pending one sent when the interval ends, never one behind what was sent, and a terminal
 * event at once and only once, after which the batch is silent until it is forgotten.
 */
export class ProgressThrottle {
  private readonly batches = new Map<string, BatchState>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly forgetFinishedAfterMs: number;
  private readonly forgetIdleAfterMs: number;

  constructor(private readonly options: ProgressThrottleOptions) {
    this.forgetFinishedAfterMs = options.forgetFinishedAfterMs ?? FORGET_FINISHED_AFTER_MS;
    this.forgetIdleAfterMs = options.forgetIdleAfterMs ?? FORGET_IDLE_AFTER_MS;
    this.sweeper = setInterval(
      () => this.sweep(Date.now()),
      Math.min(this.forgetFinishedAfterMs, this.forgetIdleAfterMs),
    );
    this.sweeper.unref();
  }

  /** A live event from the channel. */
  push(event: ProgressEvent): void {
    const now = Date.now();
    const batch = this.batch(event.batch_id);
    if (batch.finished) return;
    if (isTerminalProgress(event)) {
      this.cancelPending(batch);
      batch.finished = true;
      this.deliver(batch, event, now);
      return;
    }
    if (isStale(event, batch.pending) || isStale(event, batch.lastSent)) return;
    batch.touchedAt = now;
    const wait = batch.lastSentAt + this.options.intervalMs - now;
    if (wait <= 0) {
      this.cancelPending(batch);
      this.deliver(batch, event, now);
      return;
    }
    batch.pending = event;
    batch.timer ??= setTimeout(() => this.flush(batch), wait);
  }

  /** The event last sent for a batch, which every client in its room has received. */
  lastSent(batchId: string): ProgressEvent | undefined {
    return this.batches.get(batchId)?.lastSent;
  }

  /**
   * Takes a stored event as sent when nothing was sent for its batch yet, so that live events
   * continue from it; returns whether it was taken, and then the caller delivers it.
   */
  seed(event: ProgressEvent): boolean {
    const batch = this.batch(event.batch_id);
    if (batch.lastSent !== undefined) return false;
    batch.finished = isTerminalProgress(event);
    batch.lastSent = event;
    batch.lastSentAt = batch.touchedAt = Date.now();
    return true;
  }

  /** How many batches are remembered. */
  get size(): number {
    return this.batches.size;
  }

  /** Forgets finished and idle batches; runs on its own every so often. */
  sweep(now: number): void {
    for (const [batchId, batch] of this.batches) {
      if (batch.timer !== undefined) continue;
      const keepFor = batch.finished ? this.forgetFinishedAfterMs : this.forgetIdleAfterMs;
      if (now - batch.touchedAt < keepFor) continue;
      this.batches.delete(batchId);
      this.options.onForget?.(batchId, batch.finished);
    }
  }

  /** Drops every pending event and stops the timers. */
  close(): void {
    clearInterval(this.sweeper);
    for (const batch of this.batches.values()) this.cancelPending(batch);
    this.batches.clear();
  }

  private batch(batchId: string): BatchState {
    let batch = this.batches.get(batchId);
    if (batch === undefined) {
      batch = { lastSentAt: -Infinity, finished: false, touchedAt: Date.now() };
      this.batches.set(batchId, batch);
    }
    return batch;
  }

  private flush(batch: BatchState): void {
    // Timers may fire a few milliseconds early against the wall clock the interval is kept in.
    const wait = batch.lastSentAt + this.options.intervalMs - Date.now();
    if (wait > 0) {
      batch.timer = setTimeout(() => this.flush(batch), wait);
      return;
    }
    batch.timer = undefined;
    const event = batch.pending;
    batch.pending = undefined;
    if (event !== undefined) this.deliver(batch, event, Date.now());
  }

  private cancelPending(batch: BatchState): void {
    clearTimeout(batch.timer);
    batch.timer = undefined;
    batch.pending = undefined;
  }

  private deliver(batch: BatchState, event: ProgressEvent, now: number): void {
    batch.lastSent = event;
    batch.lastSentAt = batch.touchedAt = now;
    this.options.send(event);
  }
}
