#!/usr/bin/env node
// Stand-in for the native `schema-engine` binary (PRISMA_SCHEMA_ENGINE_BINARY): speaks its stdio
// JSON-RPC protocol and executes every request in the wasm engine (./schema-engine-wasm.mjs).
import fs from "node:fs";
import readline from "node:readline";

import pg from "pg";

import { createSchemaEngine, engineVersion, pgConfigFromUrl } from "./schema-engine-wasm.mjs";

const argv = process.argv.slice(2);

// The CLI reads this stream as JSON lines and skips the first one.
function log(level, message, fields = {}) {
  const entry = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...fields },
    target: "schema_engine::logger",
  };
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

function argValues(flag) {
  return argv.flatMap((arg, index) => (arg === flag && argv[index + 1] !== undefined ? [argv[index + 1]] : []));
}

if (argv.includes("--version") || argv.includes("-V")) {
  console.log(`schema-engine-cli ${await engineVersion()}`);
  process.exit(0);
}

const datasource = argValues("--datasource").map((value) => JSON.parse(value))[0];
const url = datasource?.url ?? process.env.DATABASE_URL;

const cliIndex = argv.indexOf("cli");
if (cliIndex >= 0) {
  await runCliCommand(argv[cliIndex + 1]);
} else {
  await serveRpc();
}

async function runCliCommand(command) {
  log("INFO", `wasm schema engine: cli ${command}`);
  const config = pgConfigFromUrl(url);
  const quoted = `"${config.database.replace(/"/g, '""')}"`;
  const statements = {
    "can-connect-to-database": null,
    "create-database": `CREATE DATABASE ${quoted}`,
    "drop-database": `DROP DATABASE ${quoted}`,
  };
  try {
    if (!(command in statements)) throw new Error(`unsupported cli command ${command}`);
    const statement = statements[command];
    const client = new pg.Client(statement ? { ...config, database: "postgres" } : config);
    await client.connect();
    if (statement) await client.query(statement);
    await client.end();
    process.exit(0);
  } catch (error) {
    const codes = { "3D000": "P1003", ECONNREFUSED: "P1001", "28P01": "P1000" };
    const errorCode = codes[error.code];
    log("ERROR", error.message, errorCode ? { error_code: errorCode } : {});
    process.exit(1);
  }
}

async function serveRpc() {
  const schemaFiles = argValues("--datamodels").map((file) => [file, fs.readFileSync(file, "utf8")]);
  const engine = await createSchemaEngine({ url, schemaFiles: schemaFiles.length > 0 ? schemaFiles : undefined });
  log("INFO", "Starting schema engine RPC server (wasm)", { git_hash: await engineVersion() });

  const overrides = {
    getDatabaseVersion: (params) => engine.version(params),
    version: () => engineVersion(),
  };
  let printId = 1_000_000;
  let pending = Promise.resolve();

  const handle = async (request) => {
    const method =
      overrides[request.method] ??
      (typeof engine[request.method] === "function" ? (params) => engine[request.method](params) : null);
    if (!method) throw new Error(`Method not supported by the wasm schema engine: ${request.method}`);
    if (
      (request.method === "evaluateDataLoss" || request.method === "createMigration") &&
      request.params?.migrationsList
    ) {
      // The wasm engine gives these two no shadow database; they work only once the migrations'
      // schema is cached, which diagnoseMigrationHistory (which does get one) leaves behind.
      await engine.diagnoseMigrationHistory({
        migrationsList: request.params.migrationsList,
        optInToShadowDatabase: true,
        filters: request.params.filters ?? { externalTables: [], externalEnums: [] },
      });
    }
    const result = await method(request.params ?? {});
    if (request.method === "diff" && result?.stdout !== undefined && result.stdout !== null) {
      // The native engine prints a diff through a "print" request to the CLI.
      const print = { jsonrpc: "2.0", id: printId++, method: "print", params: { content: result.stdout } };
      process.stdout.write(`${JSON.stringify(print)}\n`);
    }
    return result === undefined ? {} : result;
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (!request.method) return; // the CLI acknowledging one of our "print" requests
    pending = pending.then(async () => {
      let response;
      try {
        response = { jsonrpc: "2.0", id: request.id, result: await handle(request) };
      } catch (error) {
        const data = {
          is_panic: false,
          message: error?.message ?? String(error),
          error_code: error?.code,
          meta: error?.meta ?? {},
        };
        response = {
          jsonrpc: "2.0",
          id: request.id,
          error: { code: 4466, message: "An error happened. Check the data field for details.", data },
        };
      }
      process.stdout.write(`${JSON.stringify(response)}\n`);
    });
  });
  lines.on("close", async () => {
    await pending;
    engine.free?.();
    process.exit(0);
  });
}
