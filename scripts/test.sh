#!/usr/bin/env bash
# `npm test`: from a fresh clone, installs dependencies, builds (Prisma client + TypeScript, which
# type-checks), lints, then runs unit and integration tests. Jest's global setup starts Redis and
# PostgreSQL when they are not running (scripts/services.sh) and migrates a test template database.
# Extra arguments go to jest: `npm test -- apps/worker`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

if [[ -n "${CI:-}" || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
npm run build
npm run lint
npx jest "$@"
