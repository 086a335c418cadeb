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
# The simulator is local: let the fleet go as fast as this machine allows.
export YAHOO_REQUESTS_PER_MINUTE="${YAHOO_REQUESTS_PER_MINUTE:-1000000}"
export WORKER_CONCURRENCY="${WORKER_CONCURRENCY:-32}"
export RATE_LIMIT_PER_MINUTE="${RATE_LIMIT_PER_MINUTE:-100000}"
# The dashboard is wherever PORT puts the gateway: its page may connect to the progress service.
export PROGRESS_CORS_ORIGINS="${PROGRESS_CORS_ORIGINS:-http://127.0.0.1:${PORT:-3000},http://localhost:${PORT:-3000}}"

mkdir -p .data
node scripts/start.mjs market-sim gateway worker progress scheduler >.data/demo-stack.log 2>&1 &
stack=$!
trap 'kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null' EXIT

node -e '
  const url = process.argv[1];
  const deadline = Date.now() + 30_000;
  const poll = () => fetch(url).then((r) => r.ok || Promise.reject()).then(() => process.exit(0), () =>
    Date.now() > deadline ? (console.error("the gateway did not come up; see .data/demo-stack.log"), process.exit(1)) : setTimeout(poll, 200));
  poll();
' "http://127.0.0.1:${PORT:-3000}/health"

echo
echo "Kabuto is running against the market simulator ($YAHOO_BASE_URL); service logs: .data/demo-stack.log"
export KABUTO_URL="http://127.0.0.1:${PORT:-3000}" KABUTO_PROGRESS_URL="http://127.0.0.1:${PROGRESS_PORT:-3001}"
outcome=0
npx kabuto sync && npx kabuto fetch --all --period 1y || outcome=$?
echo
echo "Dashboard: http://127.0.0.1:${PORT:-3000}/"
echo "Progress:  http://127.0.0.1:${PROGRESS_PORT:-3001}  (Socket.IO)"
if [[ -n "${KABUTO_DEMO_KEEP_RUNNING:-}" ]]; then
  echo "Ctrl-C stops everything."
  wait $stack
fi
exit $outcome
