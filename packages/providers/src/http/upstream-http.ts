import axios, { isAxiosError, type AxiosInstance } from "axios";

import { upstreamObserver } from "@kabuto/core";

/** The upstreams Kabuto talks to, as `kabuto_upstream_requests_total` labels them. */
export type UpstreamProvider = "yahoo" | "jquants" | "jpx";

/** The status label of a request that got no answer: few values, whatever the error. */
function unansweredStatus(error: unknown): string {
  const code = isAxiosError(error) ? error.code : undefined;
  return code === "ECONNABORTED" || code === "ETIMEDOUT" ? "timeout" : "network";
}

/** An axios instance whose every request, answered or not, is reported to the process's upstream observer. */
export function upstreamHttp(provider: UpstreamProvider): AxiosInstance {
  const http = axios.create();
  http.interceptors.response.use(
    (response) => {
      upstreamObserver().request(provider, String(response.status));
      return response;
    },
    (error: unknown) => {
      const status = isAxiosError(error) ? error.response?.status : undefined;
      upstreamObserver().request(provider, status === undefined ? unansweredStatus(error) : String(status));
      return Promise.reject(error);
    },
  );
  return http;
}
