#!/usr/bin/env bash
# Starts redis-server and PostgreSQL on 127.0.0.1 for the fleet's integration tests (tests/Extract.Fleet.Tests) and
# exports their connection strings: EXTRACT_TEST_REDIS (StackExchange.Redis) and EXTRACT_TEST_PG (Npgsql).
# Installs the Debian packages when missing. Source it (`. .ci/services.sh`) so the variables reach the caller; call
# `extract_services_stop` (or trap it on EXIT) to stop both servers and remove their data. Both servers keep their data
# in a fresh temporary folder and listen on free ports, so a run never touches a system-wide Redis or cluster.

extract_services_start() {
  local need=()
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
  if ((${#need[@]})); then
    echo "services: installing ${need[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi

  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  EXTRACT_SERVICES_DIR=$(mktemp -d /tmp/extract-services.XXXXXX)
  export EXTRACT_SERVICES_DIR
  chmod 755 "$EXTRACT_SERVICES_DIR"

  local redis_port pg_port
  redis_port=$(_extract_free_port 16379)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$EXTRACT_SERVICES_DIR" --pidfile "$EXTRACT_SERVICES_DIR/redis.pid" --logfile "$EXTRACT_SERVICES_DIR/redis.log"
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$redis_port" ping >/dev/null || { echo "services: redis-server did not start" >&2; return 1; }

  # initdb refuses to run as root: the cluster belongs to the postgres user the Debian package creates.
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$EXTRACT_SERVICES_DIR" postgres
  pg_port=$(_extract_free_port 15432)
  mkdir -p "$EXTRACT_SERVICES_DIR/pg"
  chown postgres "$EXTRACT_SERVICES_DIR/pg"
  runuser -u postgres -- "$bin/initdb" -D "$EXTRACT_SERVICES_DIR/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$EXTRACT_SERVICES_DIR/pg/data" -l "$EXTRACT_SERVICES_DIR/pg/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $EXTRACT_SERVICES_DIR/pg -c fsync=off" start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE extract LOGIN" -c "CREATE DATABASE extract_test OWNER extract" >/dev/null

  export EXTRACT_TEST_REDIS="127.0.0.1:$redis_port"
  export EXTRACT_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=extract;Database=extract_test"
  EXTRACT_SERVICES_PG_BIN=$bin
  echo "services: redis $EXTRACT_TEST_REDIS, postgresql 127.0.0.1:$pg_port (data in $EXTRACT_SERVICES_DIR)" >&2
}

extract_services_stop() {
  [[ -n "${EXTRACT_SERVICES_DIR:-}" && -d "$EXTRACT_SERVICES_DIR" ]] || return 0
  if [[ -f "$EXTRACT_SERVICES_DIR/redis.pid" ]]; then kill "$(cat "$EXTRACT_SERVICES_DIR/redis.pid")" 2>/dev/null || true; fi
  if [[ -n "${EXTRACT_SERVICES_PG_BIN:-}" ]]; then
    runuser -u postgres -- "$EXTRACT_SERVICES_PG_BIN/pg_ctl" -D "$EXTRACT_SERVICES_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$EXTRACT_SERVICES_DIR"
  unset EXTRACT_SERVICES_DIR
}

# The first port from $1 upwards that nothing listens on.
_extract_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

extract_services_start
