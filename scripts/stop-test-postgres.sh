#!/usr/bin/env bash
# Stops the throwaway cluster started by start-test-postgres.sh. With --purge it also deletes its data.
# Idempotent: stopping a stopped (or never created) cluster is not an error.
set -euo pipefail

BASE="${NETOPS_TEST_PG_DIR:-/var/tmp/netops-test-postgres}"
DATA="$BASE/data"
OS_USER=postgres

log() { echo "stop-test-postgres: $*" >&2; }

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -n "$BIN" && -s "$DATA/PG_VERSION" ]] && runuser -u "$OS_USER" -- "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "stopping the cluster in $DATA"
    runuser -u "$OS_USER" -- "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
else
    log "not running"
fi

if [[ "${1:-}" == "--purge" ]]; then
    log "removing $BASE"
    rm -rf "$BASE"
fi
