// Runs @prisma/schema-engine-wasm in plain Node, bound to PostgreSQL through @prisma/adapter-pg,
// so the Prisma CLI needs no native schema-engine binary (it cannot be downloaded offline).
// Each workaround below is for a defect of @prisma/adapter-pg 7.10.1 found on the way; the tests in
// packages/db/src/migrations.int.spec.ts prove each one.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);
const wasmPackageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));

let bindings;
async function loadWasm() {
  bindings ??= (async () => {
    const bg = await import(path.join(wasmPackageDir, "schema_engine_bg.js"));
    const bytes = await readFile(
      process.env.SCHEMA_ENGINE_WASM_PATH ?? path.join(wasmPackageDir, "schema_engine_bg.wasm"),
    );
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    return bg;
  })();
  return bindings;
}

// The adapter cannot deserialize PostgreSQL's single-byte "char" (OID 18), which the catalogs use
// (relkind, contype…), so introspection fails. node-postgres already hands these over as strings:
// reporting them as text (OID 25) is enough.
const PG_CHAR = 18;
const PG_TEXT = 25;
function charColumnsAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  query(...args) {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (error, result) => callback(error, error ? result : charColumnsAsText(result));
      return super.query(...args);
    }
    const config = args[0];
    if (config && typeof config.callback === "function") {
      const callback = config.callback;
      config.callback = (error, result) => callback(error, error ? result : charColumnsAsText(result));
      return super.query(...args);
    }
    const returned = super.query(...args);
    return typeof returned?.then === "function" ? returned.then(charColumnsAsText) : returned;
  }
}

// Discrete fields, never a connectionString: pg lets a connection string override `database`,
// which would point the adapter's shadow database at the main one.
export function pgConfigFromUrl(url) {
  const parsed = new URL(url);
  return {
    Client: CharAsTextClient,
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
  };
}

// The adapter splits scripts on ";" and runs the pieces in autocommit: $$ bodies break and a
// failing migration leaves half its tables. Like the native engine, send the file as one query
// (simple protocol: PostgreSQL runs it as one implicit transaction).
function withWholeScripts(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

// The adapter drops the shadow database before closing its pool, so the drop fails and the
// database leaks: close first, then drop WITH (FORCE).
class PrismaPgForMigrations extends PrismaPg {
  #config;
  #options;

  constructor(config, options) {
    super(config, options);
    this.#config = config;
    this.#options = options;
  }

  async connect() {
    return withWholeScripts(await super.connect());
  }

  async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = withWholeScripts(await new PrismaPg({ ...this.#config, database }, this.#options).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await dispose();
      } finally {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.dispose();
      }
    };
    return shadow;
  }
}

/** A schema engine for `url`, with the given schema files ([path, content] pairs). */
export async function createSchemaEngine({ url, schemaFiles, debug = false }) {
  const bg = await loadWasm();
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const factory = new PrismaPgForMigrations(pgConfigFromUrl(url), schema ? { schema } : undefined);
  const log = (message) => {
    if (debug) process.stderr.write(`[schema-engine] ${message}\n`);
  };
  return bg.SchemaEngine.new({ datamodels: schemaFiles }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

export async function engineVersion() {
  return (await loadWasm()).version();
}
