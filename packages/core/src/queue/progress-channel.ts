import type { Redis } from "ioredis";

import { BATCH_STATUS_GROUP, isBatchStatusIn } from "../batch/batch-status";
import { progressEventSchema, type ProgressEvent } from "./progress-event";
import { CHANNEL } from "./queue-names";

/** How long the latest event of a batch stays readable for late joiners. */
const LATEST_TTL_SECONDS = 7 * 24 * 3600;

/** The pub/sub channel of every progress event under one queue prefix. */
export function progressChannel(prefix: string): string {
  return `${prefix}:${CHANNEL.PROGRESS}`;
}

function latestKey(prefix: string, batchId: string): string {
  return `${prefix}:${CHANNEL.PROGRESS}:latest:${batchId}`;
}

/**
 * Stores the event as the batch's latest and publishes it, atomically, unless it would move the
 * batch backwards: nothing follows a terminal event, and within one status `processed` never
 * decreases. Several workers publish the same batch from reads taken at slightly different times;
 * this is where their events are put in order.
 */
const PUBLISH_IF_NEWER = `
local TERMINAL = {${BATCH_STATUS_GROUP.terminal.map((status) => `${status} = true`).join(", ")}}
local previous = redis.call('GET', KEYS[1])
if previous then
  local last = cjson.decode(previous)
  local next = cjson.decode(ARGV[1])
  if TERMINAL[last.status] then return 0 end
  if last.status == next.status and next.progress.processed < last.progress.processed then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('PUBLISH', KEYS[2], ARGV[1])
return 1`;

/**
 * Publishes one progress event of a batch or master sync: the single way events reach the
 * progress service. Resolves true when published, false when it was older than the latest.
 */
export async function publishProgress(redis: Redis, prefix: string, event: ProgressEvent): Promise<boolean> {
  const published = await redis.eval(
    PUBLISH_IF_NEWER,
    2,
    latestKey(prefix, event.batch_id),
    progressChannel(prefix),
    JSON.stringify(event),
    LATEST_TTL_SECONDS,
  );
  return published === 1;
}

/** The latest event of a batch, for a client that joins while it runs (or after it ended). */
export async function latestProgress(redis: Redis, prefix: string, batchId: string): Promise<ProgressEvent | null> {
  const stored = await redis.get(latestKey(prefix, batchId));
  return stored === null ? null : progressEventSchema.parse(JSON.parse(stored));
}

/** Whether no event can follow this one. */
export function isTerminalProgress(event: Pick<ProgressEvent, "status">): boolean {
  return isBatchStatusIn(event.status, BATCH_STATUS_GROUP.terminal);
}
