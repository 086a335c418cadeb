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
# The dashboard's browser test drives Debian's chromium, with Japanese fonts for its screenshot.
browser_packages=(chromium fonts-ipafont-gothic fonts-noto-color-emoji)
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "[test] installing ${browser_packages[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${browser_packages[@]}" >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq "${browser_packages[@]}" >/dev/null; }
  else
    echo "[test] /usr/bin/chromium is missing: the browser test will be skipped (sudo apt-get install -y ${browser_packages[*]})"
  fi
fi
npm run build
npm run lint
npx jest "$@"
