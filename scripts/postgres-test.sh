#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 (Debian's binaries) for trying the server by hand:
#   scripts/postgres-test.sh start   -> prints CERTGATE_DB_URL / CERTGATE_DB_USER to export
#   scripts/postgres-test.sh stop
# The integration tests do not need this: they start their own server (PostgresServer.java).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
dir=${CERTGATE_PG_DIR:-/tmp/certgate-pg}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    port=${CERTGATE_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    [ -f "$dir/data/PG_VERSION" ] || as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    echo "$port" > "$dir/port"
    echo "export CERTGATE_DB_URL=jdbc:postgresql://127.0.0.1:$port/postgres CERTGATE_DB_USER=postgres CERTGATE_DB_PASSWORD="
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
