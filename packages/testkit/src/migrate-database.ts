import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../../..");

/** Applies every migration to the database at `url` (Prisma's offline route, as `npm run db:migrate`). */
export async function migrateDatabase(url: string): Promise<void> {
  try {
    await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, "packages/db/scripts/prisma.mjs"), "migrate", "deploy"],
      {
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`migrating ${new URL(url).pathname.slice(1)} failed:\n${stdout ?? ""}${stderr ?? ""}`, {
      cause: error,
    });
  }
}
