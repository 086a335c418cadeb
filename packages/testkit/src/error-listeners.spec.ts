import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
/** The code that runs in the apps; test support (testkit, `testing/` folders) is left out. */
const SOURCE_ROOTS = [
  ...readdirSync(path.join(ROOT, "apps")).map((app) => path.join("apps", app, "src")),
  ...["core", "db", "queue", "batches", "providers"].map((name) => path.join("packages", name, "src")),
];

/** Every connection or BullMQ object created into a named variable, with what it was created by. */
const CREATION =
  /const (\w+)(?::\s*\w+)?\s*=\s*(new (?:Redis|Worker|QueueEvents|Queue|Pool)\(|createRedis\(|[\w.]+\.duplicate\()/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" || entry.name === "generated" ? [] : sourceFiles(relative);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".spec.ts") ? [relative] : [];
  });
}

describe("error listeners", () => {
  const created = SOURCE_ROOTS.flatMap(sourceFiles).flatMap((file) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    return [...text.matchAll(CREATION)].map((match) => ({ file, name: match[1]!, by: match[2]!, text }));
  });

  it("finds the connections the apps open", () => {
    expect(created.length).toBeGreaterThan(10);
  });

  it("every pg Pool, ioredis connection and BullMQ object has an 'error' listener (or its connection log)", () => {
    const unheard = created
      .filter(
        ({ name, text }) =>
          !text.includes(`${name}.on("error"`) && !new RegExp(`logRedisConnection\\(${name}\\b`).test(text),
      )
      .map(({ file, name, by }) => `${file}: ${name} = ${by}`);
    expect(unheard).toEqual([]);
  });
});
