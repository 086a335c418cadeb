import { z } from "zod";

import { MASTER_SYNC_ROOM, type ProgressEvent } from "@kabuto/core";

/** The room of every event of every batch and master sync. */
export const ALL_ROOM = "all";

/** The Socket.IO event that carries a {@link ProgressEvent} to clients. */
export const PROGRESS_EVENT = "progress";

/** `join` and `leave` payloads: a batch id, "master-sync" or "all". */
const roomRequestSchema = z.object({
  room: z
    .string({ message: 'room はバッチID、"master-sync" または "all" を指定してください' })
    .min(1, "room が空です")
    .max(64, "room は64文字以内で指定してください"),
});

export type RoomAck = { ok: true } | { ok: false; error: string };

/** The room a `join` or `leave` names, or the reason it names none (in Japanese, for the client). */
export function parseRoomRequest(payload: unknown): { ok: true; room: string } | { ok: false; error: string } {
  const request = roomRequestSchema.safeParse(payload);
  if (request.success) return { ok: true, room: request.data.room };
  return { ok: false, error: request.error.issues[0]?.message ?? "room が不正です" };
}

/** Whether a room follows one batch (and so has a state to send on join). */
export function isBatchRoom(room: string): boolean {
  return room !== ALL_ROOM && room !== MASTER_SYNC_ROOM;
}

/** The rooms an event goes to: its batch, "all", and "master-sync" for the company master. */
export function roomsOf(event: ProgressEvent): string[] {
  return event.unit === "companies" ? [event.batch_id, ALL_ROOM, MASTER_SYNC_ROOM] : [event.batch_id, ALL_ROOM];
}
