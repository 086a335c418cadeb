#!/usr/bin/env bash
# Starts (up) or stops (down) the local Redis and PostgreSQL Kabuto needs, from Debian's packages,
# with data under .data/ and listening on loopback only. Ports, user, password and database come
# from REDIS_URL and DATABASE_URL (environment or .env). A server already answering there is used
# as it is and never stopped by `down`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data"
cd "$ROOT"

# host port user password database, for each URL (defaults as in packages/core/src/env.ts)
read -r REDIS_HOST REDIS_PORT PG_HOST PG_PORT PG_USER PG_PASSWORD PG_DB < <(node -e '
  if (require("fs").existsSync(".env")) process.loadEnvFile(".env");
  const r = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379");
  const p = new URL(process.env.DATABASE_URL || "postgresql://kabuto:kabuto@127.0.0.1:5432/kabuto");
  const d = decodeURIComponent;
  console.log([r.hostname, r.port || 6379, p.hostname, p.port || 5432, d(p.username), d(p.password), d(p.pathname.slice(1))].join(" "));
')

say() { printf '[services] %s\n' "$*"; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }
is_loopback() { [[ "$1" == 127.* || "$1" == localhost || "$1" == "::1" || "$1" == "[::1]" ]]; }

answers() { # host port
  node -e '
    const s = require("net").connect({ host: process.argv[1], port: +process.argv[2] });
    s.setTimeout(1000, () => process.exit(1));
    s.on("connect", () => process.exit(0)).on("error", () => process.exit(1));
  ' "$1" "$2"
}

apt_install() { # packages...
  if [[ $(id -u) -ne 0 ]]; then
    die "missing $*: install with 'sudo apt-get install -y $*' (or point the URLs at running servers)"
  fi
  say "installing $* from Debian's packages"
  # Debian's postgresql package would create and start its own cluster on 5432; Kabuto runs its own.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf ||
    echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" ]] && echo "$dir"
}

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

redis_up() {
  if answers "$REDIS_HOST" "$REDIS_PORT"; then
    say "redis: using the server at $REDIS_HOST:$REDIS_PORT"
    return
  fi
  is_loopback "$REDIS_HOST" || die "REDIS_URL points at $REDIS_HOST:$REDIS_PORT, which does not answer"
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$DATA/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$DATA/redis" --daemonize yes \
    --pidfile "$DATA/redis/redis.pid" --logfile "$DATA/redis/redis.log" \
    --appendonly yes --appendfsync everysec --save "" >/dev/null
  for _ in $(seq 50); do answers 127.0.0.1 "$REDIS_PORT" && break; sleep 0.1; done
  answers 127.0.0.1 "$REDIS_PORT" || die "redis did not start; see $DATA/redis/redis.log"
  say "redis: started on 127.0.0.1:$REDIS_PORT (data in .data/redis)"
}

postgres_up() {
  if answers "$PG_HOST" "$PG_PORT"; then
    say "postgres: using the server at $PG_HOST:$PG_PORT"
    return
  fi
  is_loopback "$PG_HOST" || die "DATABASE_URL points at $PG_HOST:$PG_PORT, which does not answer"
  [[ -n "$(pg_bin)" ]] || apt_install postgresql
  local bin pgdata="$DATA/postgres" sockets="$DATA/postgres-run"
  bin=$(pg_bin) || die "PostgreSQL's programs were not found under /usr/lib/postgresql"
  mkdir -p "$pgdata" "$sockets"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pgdata" "$sockets" && chmod 700 "$pgdata"
  if [[ ! -f "$pgdata/PG_VERSION" ]]; then
    as_pg "$bin/initdb" -D "$pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
  fi
  # synchronous_commit=off: an OS crash may lose the last few milliseconds of commits, never
  # consistency; a local development and test cluster gains a lot of write speed from it.
  as_pg "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $sockets -c synchronous_commit=off" >/dev/null ||
    die "postgres did not start; see $pgdata/server.log"
  local psql=("$bin/psql" -h "$sockets" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  local user_sql=${PG_USER//\'/\'\'} password_sql=${PG_PASSWORD//\'/\'\'}
  # CREATEROLE: `npm run db:reader` creates the read-only kabuto_reader role.
  if [[ -z $(as_pg "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$user_sql'") ]]; then
    as_pg "${psql[@]}" -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB CREATEROLE PASSWORD '$password_sql'"
  fi
  if [[ -z $(as_pg "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '${PG_DB//\'/\'\'}'") ]]; then
    as_pg "${psql[@]}" -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\""
  fi
  say "postgres: started on 127.0.0.1:$PG_PORT (data in .data/postgres, database $PG_DB)"
}

redis_down() {
  local pidfile="$DATA/redis/redis.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 50); do kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || break; sleep 0.1; done
    say "redis: stopped"
  else
    say "redis: not started by Kabuto, left alone"
  fi
}

postgres_down() {
  local bin pgdata="$DATA/postgres"
  bin=$(pg_bin || true)
  if [[ -n "$bin" && -f "$pgdata/postmaster.pid" ]]; then
    as_pg "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
    say "postgres: stopped"
  else
    say "postgres: not started by Kabuto, left alone"
  fi
}

case "${1:-}" in
  up) redis_up; postgres_up ;;
  down) redis_down; postgres_down ;;
  *) die "usage: scripts/services.sh up|down" ;;
esac
