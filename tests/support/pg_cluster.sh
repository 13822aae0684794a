#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (ctest's pg_cluster fixture: pg:cluster_start and
# pg:cluster_stop, tests/CMakeLists.txt).
#
#   tests/support/pg_cluster.sh start STATE_FILE   a fresh cluster; STATE_FILE gets two lines:
#                                                  its folder and its libpq URL
#   tests/support/pg_cluster.sh stop STATE_FILE    stop it and remove its folder and STATE_FILE
#
# The cluster lives in a private folder /tmp/cahub-pg.XXXXXX (short: a unix socket path may not
# exceed 107 bytes) and listens on a unix socket in that folder only, never on TCP, so it cannot
# clash with another cluster, another engineer's test run or a system PostgreSQL; port 5432 only
# names the socket file. PostgreSQL refuses to run as root: as root (CI), the cluster runs as
# Debian's `postgres` user; otherwise as the current user.
#
# Both commands are idempotent: `stop` without a STATE_FILE does nothing, and `start` first stops
# and removes what a STATE_FILE left by a killed run still names.
set -euo pipefail

log() { printf 'pg_cluster.sh: %s\n' "$*" >&2; }

usage() {
  sed -n '5,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -eq 2 ] || usage
command=$1
state_file=$(realpath -m -- "$2")
# Port 5432 everywhere, whatever PGPORT says: it only names the socket file in the private folder.
port=5432
# The only folders this script ever removes.
folder_pattern='/tmp/cahub-pg.??????'

# The newest server Debian installed (postgresql-NN puts its programs there, not on PATH).
server_bin() {
  local newest
  newest=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$newest" ] || [ ! -x "$newest/initdb" ]; then
    log "no PostgreSQL server under /usr/lib/postgresql/*/bin: install Debian's postgresql (./dev.sh does)"
    exit 1
  fi
  echo "$newest"
}

# Runs a server program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  [ -e "$state_file" ] || return 0
  local folder
  folder=$(head -n 1 "$state_file")
  # shellcheck disable=SC2053  # the pattern is meant to match as a glob
  if [[ $folder != $folder_pattern ]]; then
    log "$state_file does not name a cluster folder of this script ('$folder'): remove it by hand"
    exit 1
  fi
  if [ -e "$folder/data/postmaster.pid" ]; then
    local bin
    bin=$(server_bin)
    # A killed run may have left a stale pid file with no server behind it: then there is nothing
    # to stop, but a server that is still there and will not stop is an error.
    if ! as_owner "$bin/pg_ctl" stop -s -w -m fast -D "$folder/data" 2>/dev/null &&
       as_owner "$bin/pg_ctl" status -D "$folder/data" >/dev/null 2>&1; then
      log "the cluster in $folder did not stop"
      exit 1
    fi
  fi
  rm -rf -- "$folder"
  rm -f -- "$state_file"
}

start_cluster() {
  local bin folder url
  bin=$(server_bin)
  if [ "$(id -u)" -eq 0 ] && ! id -u postgres >/dev/null 2>&1; then
    log "running as root, but there is no 'postgres' user to run the cluster as (install Debian's postgresql)"
    exit 1
  fi
  stop_cluster
  mkdir -p -- "$(dirname -- "$state_file")"
  folder=$(mktemp -d /tmp/cahub-pg.XXXXXX)
  # Whatever fails from here leaves nothing behind.
  trap 'cleanup_failed_start "$folder"' EXIT
  [ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
  # The owner's programs start in the folder: the caller's working directory may be closed to it.
  cd "$folder"
  if ! as_owner "$bin/initdb" -A trust -U cahub --encoding UTF8 --locale C -D "$folder/data" \
       >"$folder/initdb.log" 2>&1; then
    log "initdb failed:"
    cat "$folder/initdb.log" >&2
    exit 1
  fi
  if ! as_owner "$bin/pg_ctl" start -s -w -D "$folder/data" -l "$folder/server.log" \
       -o "-c listen_addresses='' -k $folder -p $port -c fsync=on"; then
    log "the server did not start:"
    cat "$folder/server.log" >&2
    exit 1
  fi
  url="postgresql:///postgres?host=$folder&port=$port&user=cahub"
  # Written whole, then renamed: a reader never sees half of it.
  printf '%s\n%s\n' "$folder" "$url" >"$state_file.tmp"
  mv -f -- "$state_file.tmp" "$state_file"
  trap - EXIT
  log "cluster running in $folder: $url"
}

cleanup_failed_start() {
  local folder=$1
  [ -e "$folder/data/postmaster.pid" ] &&
    as_owner "$(server_bin)/pg_ctl" stop -s -w -m immediate -D "$folder/data" >/dev/null 2>&1
  rm -rf -- "$folder" "$state_file.tmp"
}

case "$command" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) usage ;;
esac
