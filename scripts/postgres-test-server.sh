#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks.
#
#   scripts/postgres-test-server.sh start   initdb into a temporary directory (as the `postgres` user when
#                                           run as root), listen on 127.0.0.1 only, on a free port; prints
#                                           the connection URL on stdout and nothing else there.
#   scripts/postgres-test-server.sh stop    stops the cluster the last `start` made and deletes it.
#
# State lives in $LANTERN_PG_STATE (default: $TMPDIR/lantern-postgres-test), so several clusters can run
# side by side with different values. Installs Debian's `postgresql` when the server binaries are missing
# (CI starts from a fresh machine as root). Trust authentication is safe only because it listens on
# loopback and lives for one test run.
set -euo pipefail

STATE="${LANTERN_PG_STATE:-${TMPDIR:-/tmp}/lantern-postgres-test}"
VERSION=15

log() { echo "postgres-test-server: $*" >&2; }

find_bindir() {
  local dir="/usr/lib/postgresql/$VERSION/bin"
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  return 1
}

install_server() {
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL $VERSION server binaries are missing; install Debian's postgresql package (needs root)."
    exit 1
  fi
  log "installing PostgreSQL (apt-get install postgresql)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
}

# Runs a command as the cluster owner: `postgres` when we are root (the server refuses to run as root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local bindir dir port
  bindir="$(find_bindir)" || { install_server; bindir="$(find_bindir)"; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/lantern-pg.XXXXXX")"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
    log "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3; do
    port="$(free_port)"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=50" \
      start >/dev/null 2>&1; then
      mkdir -p "$STATE"
      printf '%s\n%s\n%s\n' "$dir" "$port" "$bindir" >"$STATE/cluster"
      echo "postgres://postgres@127.0.0.1:$port/postgres"
      return
    fi
    log "start on port $port failed (attempt $attempt); see $dir/server.log"
  done
  cat "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  [ -f "$STATE/cluster" ] || { log "no cluster recorded in $STATE"; return 0; }
  local dir bindir
  dir="$(sed -n 1p "$STATE/cluster")"
  bindir="$(sed -n 3p "$STATE/cluster")"
  if [ -d "$dir/data" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir" "$STATE/cluster"
  rmdir "$STATE" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
