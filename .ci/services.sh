# shellcheck shell=bash
# PostgreSQL 15 and Redis 7 for the tests (issue 19, docs/scale-out.md): sourced by .ci/run.
# Each `ensure_*` does nothing but a probe when the service answers already; otherwise it
# installs Debian's package when absent, starts the service and waits for it. Ports and the
# PostgreSQL cluster can be overridden (CI_PG_PORT, CI_PG_CLUSTER, CI_REDIS_PORT) so that the
# missing branch can be exercised on a throwaway cluster/port without touching the real ones.

CI_PG_PORT=${CI_PG_PORT:-5432}
CI_PG_CLUSTER=${CI_PG_CLUSTER:-main}
CI_REDIS_PORT=${CI_REDIS_PORT:-6379}
CI_WAIT_SECONDS=${CI_WAIT_SECONDS:-30}

ci_apt_updated=0
# Installs Debian packages, running `apt-get update` at most once per run.
ci_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$ci_apt_updated" = 0 ]; then
    apt-get update -qq
    ci_apt_updated=1
  fi
  echo "Installing from Debian: $*…"
  apt-get install -y -qq "$@" >/dev/null
}

# Polls `$@` once per 0.2 s until it succeeds, for CI_WAIT_SECONDS at most.
ci_wait_for() {
  local tries=$((CI_WAIT_SECONDS * 5))
  while ! "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then
      echo "Timed out waiting for: $*" >&2
      return 1
    fi
    sleep 0.2
  done
}

ci_pg_ready() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "$CI_PG_PORT"; }
# The tests' connection: user postgres over TCP on 127.0.0.1, no password (trust).
ci_pg_sql() { psql -h 127.0.0.1 -p "$CI_PG_PORT" -U postgres -w -X -q -tA "$@"; }
# The same as the cluster's owner over the Unix socket (peer auth): works before trust does.
ci_pg_local_sql() { runuser -u postgres -- psql -p "$CI_PG_PORT" -X -q -tA "$@"; }

ensure_postgres() {
  if ! ci_pg_ready; then
    command -v pg_ctlcluster >/dev/null || ci_apt_install postgresql
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "Starting PostgreSQL $version/$CI_PG_CLUSTER…"
    # Exits 2 when the package's installation started it already: the wait tells.
    pg_ctlcluster --skip-systemctl-redirect "$version" "$CI_PG_CLUSTER" start || true
    ci_wait_for ci_pg_ready
  fi
  # A fresh Debian cluster asks for a password over TCP: trust user postgres from 127.0.0.1
  # (loopback only; the tests' URL is postgres://postgres@127.0.0.1:5432/…), first in pg_hba.
  if ! ci_pg_sql -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    local hba
    hba=$(ci_pg_local_sql -c 'SHOW hba_file')
    echo "Trusting postgres@127.0.0.1 in $hba…"
    sed -i '1i host all postgres 127.0.0.1/32 trust # added by .ci/run (tests)' "$hba"
    ci_pg_local_sql -c 'SELECT pg_reload_conf()' >/dev/null
    ci_wait_for ci_pg_sql -d postgres -c 'SELECT 1'
  fi
  if [ "$(ci_pg_sql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]; then
    echo "Creating the database test…"
    ci_pg_sql -d postgres -c 'CREATE DATABASE test'
  fi
}

ci_redis_ready() { [ "$(redis-cli -h 127.0.0.1 -p "$CI_REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

ensure_redis() {
  ci_redis_ready && return 0
  command -v redis-server >/dev/null || ci_apt_install redis-server
  echo "Starting Redis on 127.0.0.1:$CI_REDIS_PORT…"
  mkdir -p /var/lib/redis /var/log/redis
  # No persistence: the tests' keys are throwaway, and the bus never relies on Redis keeping them.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$CI_REDIS_PORT" --save "" \
    --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  ci_wait_for ci_redis_ready
}
