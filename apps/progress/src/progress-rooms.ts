import { z } from "zod";

import { MASTER_SYNC_ROOM, type ProgressEvent } from "@kabuto/core";

/** The room of every event of every batch and master sync. */
export const ALL_ROOM = "all";

/** The Socket.IO event that carries a {@link ProgressEvent} to clients. */
export const PROGRESS_EVENT = "progress";

/** `subscribe` and `unsubscribe` payloads (DESIGN.md): `{ batch_id }` (a batch, or "master-sync") or `{ all: true }`. */
const roomRequestSchema = z.union(
  [
    z.strictObject({ all: z.literal(true) }),
    z.strictObject({
      batch_id: z.string().min(1, "batch_id が空です").max(64, "batch_id は64文字以内で指定してください"),
    }),
  ],
  { message: '{ batch_id: バッチID または "master-sync" } か { all: true } を指定してください' },
);

export type RoomAck = { ok: true } | { ok: false; error: string };

/** The room a `subscribe` or `unsubscribe` names, or the reason it names none (in Japanese, for the client). */
export function parseRoomRequest(payload: unknown): { ok: true; room: string } | { ok: false; error: string } {
  const request = roomRequestSchema.safeParse(payload);
  if (request.success) return { ok: true, room: "all" in request.data ? ALL_ROOM : request.data.batch_id };
  const issue = request.error.issues[0];
  return {
    ok: false,
    error:
      issue?.code === "invalid_union"
        ? '{ batch_id: バッチID または "master-sync" } か { all: true } を指定してください'
        : (issue?.message ?? "購読の指定が不正です"),
  };
}

/** Whether a room follows one batch (and so has a state to send on subscribe). */
export function isBatchRoom(room: string): boolean {
  return room !== ALL_ROOM && room !== MASTER_SYNC_ROOM;
}

/** The rooms an event goes to: its batch, "all", and "master-sync" for the company master. */
export function roomsOf(event: ProgressEvent): string[] {
  return event.unit === "companies" ? [event.batch_id, ALL_ROOM, MASTER_SYNC_ROOM] : [event.batch_id, ALL_ROOM];
}
