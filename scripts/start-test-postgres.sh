#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the OrleansNetOps.Runtime.Postgres tests and benchmarks, and prints
# the line that exports its connection string:
#
#     eval "$(scripts/start-test-postgres.sh)"
#
# Only the export line goes to stdout, so the output can be eval'd; progress goes to stderr.
# Idempotent: when the cluster already runs it just prints the line again.
# It never touches the distribution's default cluster and does not need systemd: the server runs as the
# `postgres` user straight from pg_ctl, with its data under NETOPS_TEST_PG_DIR (default /var/tmp/netops-test-postgres).
set -euo pipefail

PORT="${NETOPS_TEST_PG_PORT:-55432}"
BASE="${NETOPS_TEST_PG_DIR:-/var/tmp/netops-test-postgres}"
DATA="$BASE/data"
SOCKET_DIR="$BASE/socket"
LOG="$BASE/postgres.log"
PASSWORD_FILE="$BASE/netops.password"
OS_USER=postgres

log() { echo "start-test-postgres: $*" >&2; }

if [[ "$(id -u)" -ne 0 ]]; then
    log "run as root (it installs packages and runs the server as the '$OS_USER' user)"
    exit 1
fi

find_bin_dir() {
    # The newest installed major version wins; Debian keeps server binaries out of PATH.
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
    fi
}

BIN="$(find_bin_dir)"
if [[ -z "$BIN" ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "PostgreSQL server binaries not found; installing the 'postgresql' package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
    BIN="$(find_bin_dir)"
fi
if [[ -z "$BIN" ]]; then
    log "no initdb/pg_ctl under /usr/lib/postgresql/*/bin after installing; giving up"
    exit 1
fi

as_pg() { runuser -u "$OS_USER" -- "$@"; }

mkdir -p "$BASE"
chown "$OS_USER": "$BASE"
chmod 700 "$BASE"

if [[ ! -s "$PASSWORD_FILE" ]]; then
    # A random password per machine: the cluster is throwaway but listens on TCP.
    head -c 18 /dev/urandom | base64 | tr -d '/+=\n' > "$PASSWORD_FILE"
    chmod 600 "$PASSWORD_FILE"
fi
PASSWORD="$(cat "$PASSWORD_FILE")"

if [[ ! -s "$DATA/PG_VERSION" ]]; then
    log "initialising a cluster in $DATA"
    rm -rf "$DATA"
    as_pg mkdir -p "$DATA" "$SOCKET_DIR"
    as_pg "$BIN/initdb" -D "$DATA" --username=postgres --encoding=UTF8 --locale=C \
        --auth-local=peer --auth-host=scram-sha-256 >&2
    cat >> "$DATA/postgresql.conf" <<CONF

# netops test cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
# Throwaway data: a crash may lose the last commits, which a test server can afford, and commits stop waiting on disk.
synchronous_commit = off
CONF
fi
as_pg mkdir -p "$SOCKET_DIR"

if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "already running on 127.0.0.1:$PORT"
else
    log "starting on 127.0.0.1:$PORT (log: $LOG)"
    # -p on the command line wins over the port written at initdb time, so NETOPS_TEST_PG_PORT can change later.
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $PORT" -w -t 60 start >&2
fi

for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
        break
    fi
    sleep 0.5
done
if ! pg_isready -q -h 127.0.0.1 -p "$PORT"; then
    log "server did not accept connections within 30 s; see $LOG"
    exit 1
fi

# psql variables (:'name') quote the values, so the password never lands in SQL text unescaped.
as_pg psql -X -q -h "$SOCKET_DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v pw="$PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE netops LOGIN PASSWORD %L', :'pw')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'netops') \gexec
SELECT format('ALTER ROLE netops LOGIN PASSWORD %L', :'pw') \gexec
SELECT 'CREATE DATABASE netops OWNER netops'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'netops') \gexec
SQL

echo "export NETOPS_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=netops;Password=$PASSWORD;Database=netops'"
