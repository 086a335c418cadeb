import { readFileSync } from "node:fs";
import path from "node:path";

/** This package's version: Kabuto's packages are versioned together. */
export const KABUTO_VERSION: string = (
  JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }
).version;
