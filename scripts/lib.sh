# Shared steps of the two README commands. Each step is idempotent and quick when already done.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPORAL_CLI_MODULE="github.com/temporalio/cli/cmd/temporal"
# v1.5.1 is the newest release `go install module@version` accepts: later ones carry a replace directive.
TEMPORAL_CLI_VERSION="v1.5.1"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

require_tools() {
  command -v node >/dev/null || die "Node.js 20 (>= 20.19) is required: node not found"
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js >= 20.19 is required, found $(node --version)"
  command -v go >/dev/null || [ -x /usr/local/go/bin/go ] || die "Go is required to build the Temporal CLI: go not found"
  command -v go >/dev/null || export PATH="/usr/local/go/bin:$PATH"
  command -v psql >/dev/null || die "PostgreSQL client tools (psql, pg_isready) are required"
}

# npm packages: `npm ci` only when package-lock.json changed since the last install.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.lock-sha256" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

# The Temporal CLI (dev server included), built from the Go module proxy at the pinned version.
temporal_bin() { echo "$(go env GOPATH)/bin/temporal"; }

ensure_temporal_cli() {
  local bin; bin="$(temporal_bin)"
  if [ -x "$bin" ] && go version -m "$bin" 2>/dev/null | grep -qE "^\s+mod\s+github.com/temporalio/cli\s+${TEMPORAL_CLI_VERSION}\s"; then
    return
  fi
  say "building the Temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy (a few minutes, once)"
  local started=$SECONDS
  GOFLAGS=-mod=mod go install "${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}"
  say "Temporal CLI built in $((SECONDS - started)) s: $bin"
}

# Debian's Chromium for the browser tests (playwright-core drives it; no browser download).
# Installed once; the package lists are refreshed only when the first attempt fails.
CHROMIUM_BIN="/usr/bin/chromium"
ensure_chromium() {
  [ -x "$CHROMIUM_BIN" ] && return
  command -v apt-get >/dev/null || die "Chromium is required at $CHROMIUM_BIN for the browser tests, and apt-get is not available"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing Chromium for the browser tests (apt-get, once)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends chromium >/dev/null \
    || { $sudo apt-get update -qq && $sudo apt-get install -y --no-install-recommends chromium >/dev/null; } \
    || die "could not install Chromium (apt-get install chromium)"
  [ -x "$CHROMIUM_BIN" ] || die "Chromium was installed but $CHROMIUM_BIN is missing"
}
# SQLite settings for the dev server (measured with `npm run bench`, see README "Performance").
# The default rollback journal syncs on every commit and serialises readers behind writers; WAL
# lets them run together. NORMAL in WAL mode syncs only at checkpoints: a crash of the server
# process loses nothing and a power cut only the last commits, so it suits data a developer keeps.
# OFF never waits for the disk (a power cut can corrupt the file): for test data thrown away after
# each run.
durable_pragmas() { echo "journal_mode=WAL synchronous=NORMAL"; }
disposable_pragmas() { echo "journal_mode=WAL synchronous=OFF"; }

# The dev server's dynamic configuration, KEY=VALUE words (see deploy/temporal-dev-server.conf).
dev_server_dynamic_config() { grep -Ev '^\s*(#|$)' "$ROOT/deploy/temporal-dev-server.conf"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# start_temporal DATA_DIR PORT UI_PORT PRAGMAS [extra flags...]: runs the dev server on a SQLite
# file in DATA_DIR (so workflows survive a restart) unless one already answers on PORT. PRAGMAS is
# a space-separated list of SQLite pragmas, e.g. "journal_mode=WAL synchronous=NORMAL" (see
# durable_pragmas and disposable_pragmas). Sets TEMPORAL_PID, left empty when an existing server is
# reused.
start_temporal() {
  TEMPORAL_PID=""
  local data="$1" port="$2" ui="$3" pragmas="$4"; shift 4
  local server_flags=() p
  for p in $pragmas; do server_flags+=(--sqlite-pragma "$p"); done
  for p in $(dev_server_dynamic_config); do server_flags+=(--dynamic-config-value "$p"); done
  local bin; bin="$(temporal_bin)"
  if port_open 127.0.0.1 "$port"; then
    "$bin" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1 \
      || die "port $port is taken by something that is not a healthy Temporal server"
    say "reusing the Temporal server already on 127.0.0.1:$port"
    return
  fi
  mkdir -p "$data"
  local log="$data/temporal.log"
  # The commission workflow upserts these search attributes (libs/contracts/src/search-attributes.ts).
  local attrs=(--search-attribute CommissionStage=Keyword --search-attribute CommissionTitle=Text
    --search-attribute CommissionNextDueAt=Datetime --search-attribute ProgrammeId=Keyword)
  setsid "$bin" server start-dev --ip 127.0.0.1 --port "$port" --ui-port "$ui" \
    --db-filename "$data/temporal.db" --namespace default "${attrs[@]}" \
    --log-format json --log-level warn ${server_flags[@]+"${server_flags[@]}"} "$@" >"$log" 2>&1 &
  local pid=$!
  local deadline=$((SECONDS + 90))
  until "$bin" operator cluster health --address "127.0.0.1:$port" 2>/dev/null | grep -q SERVING; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      kill "$pid" 2>/dev/null || true
      echo "---- last lines of $log ----" >&2; tail -n 30 "$log" >&2 || true
      die "the Temporal server did not become healthy on 127.0.0.1:$port"
    fi
    sleep 0.5
  done
  # The namespace is registered by start-dev; wait until it answers too.
  until "$bin" operator namespace describe --address "127.0.0.1:$port" --namespace default >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "the default namespace did not appear on 127.0.0.1:$port"
    sleep 0.5
  done
  TEMPORAL_PID="$pid"
}

stop_temporal() {
  [ -n "${TEMPORAL_PID:-}" ] || return 0
  kill -TERM "$TEMPORAL_PID" 2>/dev/null || true
  wait "$TEMPORAL_PID" 2>/dev/null || true
  TEMPORAL_PID=""
}

# PostgreSQL must answer on the address in DATABASE_URL; start the local cluster if it is down.
ensure_postgres() {
  local host port
  host="$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname)' "$DATABASE_URL")"
  port="$(node -e 'const u=new URL(process.argv[1]);console.log(u.port||5432)' "$DATABASE_URL")"
  if pg_isready -q -h "$host" -p "$port"; then return; fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
  fi
  local deadline=$((SECONDS + 30))
  until pg_isready -q -h "$host" -p "$port"; do
    [ $SECONDS -lt $deadline ] || die "PostgreSQL is not answering on $host:$port (DATABASE_URL)"
    sleep 0.5
  done
}

# Compiles TypeScript and the workflow bundle when a source is newer than the last build.
ensure_build() {
  local stamp="$ROOT/dist/.build-stamp"
  if [ -f "$stamp" ] && [ -z "$(find "$ROOT/apps" "$ROOT/libs" "$ROOT/workflows" "$ROOT/activities" "$ROOT/scripts" \
      "$ROOT/package-lock.json" "$ROOT/tsconfig.json" "$ROOT/tsconfig.build.json" -newer "$stamp" -type f -print -quit)" ]; then
    return
  fi
  say "building (TypeScript and the workflow bundle)"
  (cd "$ROOT" && rm -rf dist && npm run --silent build)
  touch "$stamp"
}
