#!/usr/bin/env bash
# `npm run demo`: the whole stack against apps/market-sim on this machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

[[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]] || npm ci --no-audit --no-fund
npm run build --silent
npm run services:up --silent
npm run db:migrate --silent

export MARKET_SIM_PORT="${MARKET_SIM_PORT:-4010}"
export YAHOO_BASE_URL="http://127.0.0.1:$MARKET_SIM_PORT"
export JQUANTS_BASE_URL="http://127.0.0.1:$MARKET_SIM_PORT/v2"
export JPX_LIST_URL="http://127.0.0.1:$MARKET_SIM_PORT/markets/statistics-equities/misc/tvdivq0000001vg2-att/data_j.xls"

node scripts/start.mjs market-sim gateway worker progress scheduler &
stack=$!
trap 'kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null' EXIT

node -e '
  const url = process.argv[1];
  const deadline = Date.now() + 30_000;
  const poll = () => fetch(url).then((r) => r.ok || Promise.reject()).then(() => process.exit(0), () =>
    Date.now() > deadline ? (console.error("the gateway did not come up"), process.exit(1)) : setTimeout(poll, 200));
  poll();
' "http://127.0.0.1:${PORT:-3000}/health"

echo
echo "Kabuto is running against the market simulator."
echo "  gateway:   http://127.0.0.1:${PORT:-3000}  (health: /health)"
echo "  progress:  http://127.0.0.1:${PROGRESS_PORT:-3001}"
echo "  simulator: $YAHOO_BASE_URL"
echo "Master sync and the full-universe fetch are not implemented yet (issues 4, 5 and 6)."
echo "Dashboard URL: http://127.0.0.1:${PORT:-3000}/ (served from issue 6 on)"
if [[ -n "${KABUTO_DEMO_KEEP_RUNNING:-}" ]]; then
  echo "Ctrl-C stops everything."
  wait $stack
fi
