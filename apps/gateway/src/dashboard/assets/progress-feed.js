/**
 * Live progress from the progress service over Socket.IO. Optional: when the client library, the
 * service or a room is unavailable, `isLive(room)` is false and the page polls the REST API.
 */

/** Everyone's events: how the job list learns about jobs started elsewhere. */
export const ALL_ROOM = "all";
const JOIN_TIMEOUT_MS = 3000;

/**
 * @typedef {object} ProgressEvent seed 000's WebSocket payload
 * @property {string} batch_id
 * @property {string} status
 * @property {"symbols" | "dates" | "companies"} unit
 * @property {{ total: number, processed: number, successful: number, failed: number, percentage: number }} progress
 * @property {string[]} current_processing
 * @property {string | null} estimated_completion
 * @property {{ stocks_per_minute: number, records_per_minute: number }} throughput
 */

/** @param {any} event @returns {event is ProgressEvent} */
function isProgressEvent(event) {
  const progress = event?.progress;
  return (
    typeof event?.batch_id === "string" &&
    typeof event.status === "string" &&
    typeof progress === "object" &&
    progress !== null &&
    ["total", "processed", "successful", "failed", "percentage"].every((field) => typeof progress[field] === "number")
  );
}

/**
 * The progress service's subscription for a room: `{ all: true }`, or `{ batch_id }` for a job or
 * the master-sync room.
 * @param {string} room
 */
function roomRequest(room) {
  return room === ALL_ROOM ? { all: true } : { batch_id: room };
}

/**
 * @param {{ url: string, apiKey: () => string, onEvent: (event: ProgressEvent) => void,
 *           onStateChange: (live: boolean) => void }} options
 */
export function createProgressFeed(options) {
  /** @type {any} */
  let socket = null;
  const wanted = new Set();
  const joined = new Set();

  /** @param {string} room */
  function join(room) {
    socket
      .timeout(JOIN_TIMEOUT_MS)
      .emit("subscribe", roomRequest(room), (/** @type {unknown} */ error, /** @type {any} */ ack) => {
        if (error || ack?.ok === false || ack?.error) {
          joined.delete(room);
        } else if (wanted.has(room)) {
          joined.add(room);
          if (isProgressEvent(ack?.latest)) options.onEvent(ack.latest);
        }
        options.onStateChange(joined.size > 0);
      });
  }

  async function connect() {
    /** @type {any} */
    let client;
    try {
      client = await import("/assets/socket.io.esm.min.js");
    } catch {
      options.onStateChange(false);
      return;
    }
    socket = client.io(options.url, {
      auth: { apiKey: options.apiKey() },
      timeout: 5000,
      reconnectionDelay: 2000,
      reconnectionDelayMax: 15000,
    });
    socket.on("connect", () => {
      for (const room of wanted) join(room);
    });
    socket.on("disconnect", () => {
      joined.clear();
      options.onStateChange(false);
    });
    socket.on("connect_error", () => {
      joined.clear();
      options.onStateChange(false);
    });
    socket.on("progress", (/** @type {unknown} */ event) => {
      if (isProgressEvent(event)) options.onEvent(event);
    });
  }

  return {
    connect,
    /** @param {string} room a job id, the master-sync room or ALL_ROOM */
    subscribe(room) {
      if (wanted.has(room)) return;
      wanted.add(room);
      if (socket?.connected) join(room);
    },
    /** @param {string} room */
    unsubscribe(room) {
      wanted.delete(room);
      joined.delete(room);
      if (socket?.connected) socket.emit("unsubscribe", roomRequest(room));
    },
    /** @param {string} room */
    isLive: (room) => socket?.connected === true && joined.has(room),
    /** After a key change: the service checks the key when the connection opens. */
    reconnect() {
      if (!socket) return;
      socket.auth = { apiKey: options.apiKey() };
      socket.disconnect().connect();
    },
  };
}
