import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** Where the apps' environment is declared: the zod shapes (`NAME: schema`) and the CLI's `env.NAME` reads. */
const ENV_SOURCES = [
  ...readdirSync(path.join(ROOT, "apps"))
    .map((app) => `apps/${app}/src/env.ts`)
    .filter((file) => existsSync(path.join(ROOT, file))),
  "packages/core/src/env.ts",
  "packages/core/src/auth/listen-env.ts",
  "packages/core/src/metrics/metrics-server.ts",
  "packages/db/src/reader/reader-role.main.ts",
];

describe("README's configuration table", () => {
  it("lists every variable an app reads", () => {
    const declared = ENV_SOURCES.flatMap((file) =>
      [...read(file).matchAll(/^\s+([A-Z][A-Z0-9_]{2,}):/gm)].map((match) => match[1]!),
    );
    const cli = [...read("apps/cli/src/config.ts").matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!);
    const configuration = read("README.md").split("\n## Configuration\n")[1]!.split("\n## ")[0]!;
    const listed = new Set([...configuration.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((match) => match[1]!));
    expect(declared.length).toBeGreaterThan(30);
    expect([...new Set([...declared, ...cli])].filter((name) => !listed.has(name))).toEqual([]);
  });
});
