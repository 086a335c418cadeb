/** Calls the gateway's /api with the stored key; a 401 asks for a new key and retries. */

const KEY_STORAGE = "kabuto.apiKey";

/** An error answer of the API: `{success: false, error, message}`. */
export class ApiRequestError extends Error {
  /**
   * @param {number} status
   * @param {string} code e.g. VALIDATION_ERROR
   * @param {string} message the API's Japanese message
   * @param {number | undefined} retryAfterSeconds from Retry-After on a 429
   */
  constructor(status, code, message, retryAfterSeconds) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * @typedef {object} ApiClient
 * @property {(path: string) => Promise<any>} get
 * @property {(path: string, body?: object) => Promise<any>} post
 * @property {(path: string, body: object) => Promise<any>} put
 * @property {() => string} apiKey the key in use ("" when none)
 * @property {() => Promise<boolean>} changeKey asks for a key; resolves true when a new one was saved
 */

/**
 * @param {{ askForKey: (options: { rejected: boolean, cancellable: boolean }) => Promise<string | null>,
 *           onKeyChanged: () => void }} hooks
 * @returns {ApiClient}
 */
export function createApiClient(hooks) {
  let apiKey = localStorage.getItem(KEY_STORAGE) ?? "";
  /** One prompt however many requests were refused at once. @type {Promise<boolean> | null} */
  let prompt = null;

  /** @param {{ rejected: boolean, cancellable: boolean }} options */
  function askForKey(options) {
    prompt ??= hooks
      .askForKey(options)
      .then((key) => {
        if (key === null) return false;
        apiKey = key;
        localStorage.setItem(KEY_STORAGE, key);
        hooks.onKeyChanged();
        return true;
      })
      .finally(() => {
        prompt = null;
      });
    return prompt;
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {object | undefined} body
   */
  async function request(method, path, body) {
    for (;;) {
      /** @type {Record<string, string>} */
      const headers = { accept: "application/json" };
      if (apiKey) headers["x-api-key"] = apiKey;
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status === 401) {
        await askForKey({ rejected: apiKey !== "", cancellable: false });
        continue;
      }
      const payload = await response.json().catch(() => null);
      if (!response.ok) {
        const retryAfter = Number(response.headers.get("retry-after"));
        throw new ApiRequestError(
          response.status,
          payload?.error ?? "HTTP_ERROR",
          payload?.message ?? `HTTP ${response.status}`,
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        );
      }
      return payload;
    }
  }

  return {
    get: (path) => request("GET", path, undefined),
    post: (path, body = {}) => request("POST", path, body),
    put: (path, body) => request("PUT", path, body),
    apiKey: () => apiKey,
    changeKey: () => askForKey({ rejected: false, cancellable: true }),
  };
}
