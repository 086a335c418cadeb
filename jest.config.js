/** Unit tests (`*.spec.ts`) and integration tests (`*.int.spec.ts`) in one run; see packages/testkit. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/apps", "<rootDir>/packages"],
  testMatch: ["**/src/**/*.spec.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }],
    // hyparquet (the Parquet reader the dataset tests check DuckDB's files with) ships ES modules only
    "/node_modules/(hyparquet[^/]*|hysnappy|fzstd)/.+\\.js$": [
      "@swc/jest",
      { jsc: { target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!(hyparquet|hyparquet-compressors|hysnappy|fzstd)/)"],
  moduleNameMapper: {
    "^@kabuto/(contract|core|db|providers|queue|batches|dataset|testkit)$": "<rootDir>/packages/$1/src",
    "^@kabuto/core/(progress-event)$": "<rootDir>/packages/core/src/queue/$1",
    "^@kabuto/core/(batch-status)$": "<rootDir>/packages/core/src/batch/$1",
    "^@kabuto/market-sim$": "<rootDir>/apps/market-sim/src",
    // the generated Prisma client imports its TypeScript siblings as ".js"
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  globalSetup: "<rootDir>/packages/testkit/src/global-setup.ts",
  globalTeardown: "<rootDir>/packages/testkit/src/global-teardown.ts",
  reporters: ["default", "<rootDir>/packages/testkit/summary-reporter.js"],
  testTimeout: 30_000,
  maxWorkers: 2,
};
