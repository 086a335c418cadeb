import type { AxiosInstance } from "axios";

import type { CompanyListingSnapshot } from "@kabuto/core";
import { toUpstreamError } from "../http/upstream-error";
import { upstreamHttp } from "../http/upstream-http";
import { upstreamRequestConfig } from "../http/upstream-request";
import { JPX_MAX_BYTES, parseJpxListing } from "./jpx-listing.parser";

export interface JpxClientOptions {
  /** Full URL of data_j.xls (JPX_LIST_URL). */
  listUrl: string;
  timeoutMs?: number;
  http?: AxiosInstance;
}

/** Downloads JPX's listed-company file and parses it into the normal form. */
export class JpxClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: JpxClientOptions) {
    this.http = options.http ?? upstreamHttp("jpx");
  }

  /** The current listing. Download failures are temporary errors; a file that is not JPX's is permanent. */
  async fetchListing(): Promise<CompanyListingSnapshot> {
    let body: Buffer;
    try {
      const response = await this.http.get<ArrayBuffer>(this.options.listUrl, {
        responseType: "arraybuffer",
        ...upstreamRequestConfig({ timeoutMs: this.options.timeoutMs ?? 30_000, maxBytes: JPX_MAX_BYTES }),
      });
      body = Buffer.from(response.data);
    } catch (error) {
      throw toUpstreamError(error, "JPX data_j.xls download");
    }
    return parseJpxListing(body);
  }
}
