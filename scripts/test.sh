#!/usr/bin/env bash
# Runs every test of the solution against SQLite and a real PostgreSQL server, in a real Chromium.
# Installs what the tests need from Debian's packages when it is missing (PostgreSQL, Chromium), starts a
# throw-away PostgreSQL cluster on a free loopback port as the postgres user, and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium fonts-noto-core)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} from Debian packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cluster=$(mktemp -d /tmp/reglookup-pg.XXXXXX)

# PostgreSQL refuses to run as root: run the throw-away cluster as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$cluster"

stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$cluster"; }
trap stop_pg EXIT

as_pg "$pg_bin/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c max_connections=300 -c fsync=off" start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export REGLOOKUP_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=40"
log=$cluster/test.log
set +e
dotnet test RegLookup.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" | grep --line-buffered -vE '^\s+Passed |^\s*$'
status=${PIPESTATUS[0]}
set -e

# One closing line with the totals of all test projects.
awk '/^ +Passed: /{p+=$2} /^ +Failed: /{f+=$2} /^ +Skipped: /{s+=$2}
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
