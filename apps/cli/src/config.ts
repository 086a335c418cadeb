import { z } from "zod";

import { UsageError } from "./cli-error";

export const DEFAULT_GATEWAY_URL = "http://127.0.0.1:3000";
export const DEFAULT_PROGRESS_URL = "http://127.0.0.1:3001";

const httpUrl = (option: string) =>
  z
    .url({ protocol: /^https?$/, message: `${option} は http:// か https:// の URL で指定してください` })
    .transform((url) => url.replace(/\/+$/, ""));

const configSchema = z.object({
  url: httpUrl("--url (KABUTO_URL)"),
  progressUrl: httpUrl("--progress-url (KABUTO_PROGRESS_URL)"),
  apiKey: z.string().optional(),
});
export type CliConfig = z.infer<typeof configSchema>;

const given = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);

/** Where the gateway and the progress service are and which key to send: options win over the environment. */
export function resolveConfig(
  options: { url?: string; "api-key"?: string; "progress-url"?: string },
  env: Record<string, string | undefined>,
): CliConfig {
  const parsed = configSchema.safeParse({
    url: given(options.url) ?? given(env.KABUTO_URL) ?? DEFAULT_GATEWAY_URL,
    progressUrl: given(options["progress-url"]) ?? given(env.KABUTO_PROGRESS_URL) ?? DEFAULT_PROGRESS_URL,
    apiKey: given(options["api-key"]) ?? given(env.KABUTO_API_KEY) ?? given(env.API_KEY),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "設定が不正です");
  return parsed.data;
}
