#!/usr/bin/env bash
# Local Neo4j Community (+ Browser + APOC core) for kg, assembled from Maven Central.
#
#   deploy/neo4j/neo4j.sh install|start|stop|restart|status|wait
#   deploy/neo4j/neo4j.sh import DIR   stop, neo4j-admin database import full of the files
#                                      kg export --format neo4j-admin wrote in DIR (replacing
#                                      the database neo4j), start; then run kg finish-import
#
# Env:
#   KG_NEO4J_STATE         instance folder (conf, data, logs, pid)  default <repo>/.neo4j
#   KG_NEO4J_HOME          Neo4j home (jars only; shareable)         default <repo>/.neo4j/home
#   KG_NEO4J_PASSWORD      password of user neo4j   default kgpassword (set once, before first start)
#   KG_NEO4J_BOLT_PORT     default 7687
#   KG_NEO4J_HTTP_PORT     default 7474
#   KG_NEO4J_WAIT_TIMEOUT  seconds, default 180
#   KG_NEO4J_IMPORT_MEMORY import: --max-off-heap-memory, default 1G (the tool's own default
#                          is 90% of free memory, too much on a shared machine)
#   JAVA_HOME              optional; Java 17 or 21 (Neo4j 5.26)
# Instance state (survives restarts): $KG_NEO4J_STATE/{conf,data,logs,import,run,neo4j.pid}.
# Several instances (different KG_NEO4J_STATE and ports) can share one home.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE="${KG_NEO4J_STATE:-$REPO/.neo4j}"
H="${KG_NEO4J_HOME:-$REPO/.neo4j/home}"
CONF_DIR="$STATE/conf"
DATA="$STATE/data"
LOGS="$STATE/logs"
IMPORT_DIR="$STATE/import"
RUN_DIR="$STATE/run"
PIDFILE="$STATE/neo4j.pid"
CONSOLE_LOG="$LOGS/console.log"
STAMP="$H/.kg-install-stamp"
PW_STAMP="$DATA/.kg-initial-password-set"
POM="$SCRIPT_DIR/pom.xml"
TMPL="$SCRIPT_DIR/neo4j.conf.tmpl"

BOLT_PORT="${KG_NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${KG_NEO4J_HTTP_PORT:-7474}"
PASSWORD="${KG_NEO4J_PASSWORD:-kgpassword}"
WAIT_TIMEOUT="${KG_NEO4J_WAIT_TIMEOUT:-180}"
STOP_TIMEOUT=60

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

log() { printf 'neo4j.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w 900 9 || die "could not lock $STATE/.lock"
}
unlock() { flock -u 9 2>/dev/null || true; exec 9>&-; }

# ---------------------------------------------------------------- probes

# PID (= process group) of our launcher, if alive.
our_pid() {
  local pid
  [[ -f "$PIDFILE" ]] || return 1
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(cmdline_of "$pid")" == *Neo4jCommand* ]] || return 1
  [[ "$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null || true)" == *"NEO4J_CONF=$CONF_DIR"* ]] || return 1
  echo "$pid"
}

cmdline_of() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

# PID of a process listening on our ports whose command line names this instance's
# config dir (covers a lost pid file).
listener_pid() {
  local port pid
  for port in "$BOLT_PORT" "$HTTP_PORT"; do
    for pid in $(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true); do
      if [[ "$(cmdline_of "$pid")" == *"--config-dir=$CONF_DIR "* ]]; then echo "$pid"; return 0; fi
    done
  done
  return 1
}

port_listening() { [[ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]]; }

# Real Bolt check: TCP connect + Bolt handshake; the server must agree on a version.
bolt_answers() {
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    # magic 0x6060B017, then proposals 5.7..5.0, 4.4..4.2, none, none
    printf "\x60\x60\xb0\x17\x00\x07\x07\x05\x00\x02\x04\x04\x00\x00\x00\x00\x00\x00\x00\x00" >&3
    v="$(head -c 4 <&3 | od -An -tx1 | tr -d " \n")"
    [[ ${#v} -eq 8 && "$v" != "00000000" ]]
  ' _ "$BOLT_PORT" 2>/dev/null
}

# The password never goes on a command line, which `ps` shows to every user: curl
# reads it from a config on stdin, neo4j-admin from an @-file. Both take a double-
# quoted value with \ and " escaped by a backslash.
quoted_password() {
  local p="${PASSWORD//\\/\\\\}"
  printf '%s' "${p//\"/\\\"}"
}
curl_auth() { printf 'user = "neo4j:%s"\n' "$(quoted_password)"; }

LAST_HTTP=""
# Runs RETURN 1 through the HTTP transaction endpoint (auth + database online).
http_ready() {
  LAST_HTTP="$(curl_auth | curl -s --max-time 5 -K - \
    -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d '{"statements":[{"statement":"RETURN 1 AS ok"}]}' \
    "http://127.0.0.1:$HTTP_PORT/db/neo4j/tx/commit" 2>/dev/null)" || return 1
  [[ "$LAST_HTTP" == *'"errors":[]'* && "$LAST_HTTP" == *'"row":[1]'* ]]
}

ready() { http_ready && bolt_answers; }

# ---------------------------------------------------------------- install

install_needed() {
  [[ -f "$STAMP" ]] || return 0
  [[ "$(cat "$STAMP")" == "$(stamp_value)" ]] || return 0
  compgen -G "$H/lib/neo4j-kernel-*.jar" >/dev/null || return 0
  compgen -G "$H/plugins/apoc-core-*.jar" >/dev/null || return 0
  return 1
}
stamp_value() { sha256sum "$POM" | cut -d' ' -f1; }

# Is any process (any instance) running from this home's jars?
home_in_use() {
  local f
  for f in /proc/[0-9]*/cmdline; do
    [[ "$(tr '\0' ' ' <"$f" 2>/dev/null || true)" == *"$H/lib/"* ]] && return 0
  done
  return 1
}

build_home() {
  if home_in_use; then
    die "Neo4j home $H needs a rebuild but a server runs from it; stop it first ('$0 stop', with its KG_NEO4J_STATE)"
  fi
  command -v mvn >/dev/null || die "mvn not found (needs Maven + Java 17)"
  log "assembling Neo4j home in $H from Maven Central (mvn -q -B package) ..."
  rm -rf "$H/lib" "$H/plugins" "$STAMP"
  mkdir -p "$H/lib" "$H/plugins"
  local t0=$SECONDS
  local build="$H.build"
  mkdir -p "$build"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" package \
      -Dneo4j.home="$H" -Dneo4j.build.dir="$build" >"$build/mvn.log" 2>&1; then
    tail -n 40 "$build/mvn.log" >&2
    die "mvn package failed (full log: $build/mvn.log)"
  fi
  stamp_value >"$STAMP"
  log "home assembled in $((SECONDS - t0)) s ($(ls "$H/lib" | wc -l) jars)"
}

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA" "$LOGS" "$IMPORT_DIR" "$RUN_DIR"
  local s
  s="$(<"$TMPL")"
  s="${s//@BOLT_PORT@/"$BOLT_PORT"}"
  s="${s//@HTTP_PORT@/"$HTTP_PORT"}"
  s="${s//@DATA_DIR@/"$DATA"}"
  s="${s//@LOGS_DIR@/"$LOGS"}"
  s="${s//@IMPORT_DIR@/"$IMPORT_DIR"}"
  s="${s//@RUN_DIR@/"$RUN_DIR"}"
  printf '%s\n' "$s" >"$CONF_DIR/neo4j.conf.tmp"
  mv -f "$CONF_DIR/neo4j.conf.tmp" "$CONF_DIR/neo4j.conf"
}

admin() { NEO4J_HOME="$H" NEO4J_CONF="$CONF_DIR" "$JAVA" -cp "$H/lib/*" org.neo4j.cli.AdminTool "$@"; }

set_initial_password() {
  [[ -f "$PW_STAMP" ]] && return 0
  if [[ -d "$DATA/databases/system" ]]; then
    log "existing database in $DATA: leaving its password unchanged"
    return 0
  fi
  (( ${#PASSWORD} >= 8 )) || die "KG_NEO4J_PASSWORD must have at least 8 characters"
  log "setting initial password of user neo4j"
  # neo4j-admin reads its arguments from an @-file (mode 600, removed at once), so the
  # password is not on a command line.
  local args
  args="$(umask 077 && mktemp "$STATE/.set-initial-password.XXXXXX")"
  printf 'dbms\nset-initial-password\n"%s"\n' "$(quoted_password)" >"$args"
  if ! admin "@$args" >&2; then rm -f "$args"; die "set-initial-password failed"; fi
  rm -f "$args"
  date -u +%FT%TZ >"$PW_STAMP"
}

do_install() {
  if install_needed; then
    # The home may be shared by several instances: serialize its build.
    mkdir -p "$(dirname "$H")"
    exec 8>"$H.lock"
    flock -w 900 8 || die "could not lock $H.lock"
    if install_needed; then build_home; fi
    flock -u 8; exec 8>&-
  fi
  write_conf
  set_initial_password
}

# ---------------------------------------------------------------- wait / start / stop

tail_log() {
  log "---- last lines of $CONSOLE_LOG ----"
  tail -n 40 "$CONSOLE_LOG" >&2 2>/dev/null || true
}

do_wait() {
  local deadline=$((SECONDS + WAIT_TIMEOUT)) t0=$SECONDS
  log "waiting for Neo4j (http 127.0.0.1:$HTTP_PORT, bolt 127.0.0.1:$BOLT_PORT, timeout ${WAIT_TIMEOUT}s)"
  while ! ready; do
    if [[ -f "$PIDFILE" ]] && ! our_pid >/dev/null && ! listener_pid >/dev/null \
       && ! port_listening "$BOLT_PORT"; then
      printf '\n' >&2
      log "Neo4j process exited during startup"
      tail_log
      exit 1
    fi
    if [[ "$LAST_HTTP" == *Security.Unauthorized* ]]; then
      printf '\n' >&2
      log "Neo4j is up but rejects user neo4j with KG_NEO4J_PASSWORD (${#PASSWORD} chars)."
      log "The password was fixed when $DATA was first created: use that one, or stop and delete $DATA to start over."
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      printf '\n' >&2
      log "timeout after ${WAIT_TIMEOUT}s"
      [[ -n "$LAST_HTTP" ]] && log "last HTTP answer: ${LAST_HTTP:0:300}"
      tail_log
      exit 1
    fi
    printf '.' >&2
    sleep 1
  done
  (( SECONDS > t0 )) && printf '\n' >&2
  log "ready in $((SECONDS - t0)) s: bolt://127.0.0.1:$BOLT_PORT  http://127.0.0.1:$HTTP_PORT/browser/  (user neo4j)"
}

launch() {
  mkdir -p "$LOGS"
  printf '\n===== %s neo4j.sh start =====\n' "$(date -u +%FT%TZ)" >>"$CONSOLE_LOG"
  rm -f "$PIDFILE"
  # New session (setsid) so the server is its own process group and no longer tied to
  # the caller's terminal; every inherited fd above 2 (our lock, make's jobserver
  # pipes, ...) is closed; stdio goes to the log.
  (
    cd "$H" || exit 1
    export NEO4J_HOME="$H" NEO4J_CONF="$CONF_DIR"
    exec setsid bash -c '
      for fd in $(ls /proc/$$/fd); do (( fd > 2 )) && eval "exec $fd>&-"; done
      echo $$ >"$1"
      exec nohup "$2" -cp "$3/lib/*" org.neo4j.server.startup.Neo4jCommand console
    ' _ "$PIDFILE" "$JAVA" "$H" </dev/null >>"$CONSOLE_LOG" 2>&1
  ) &
  local i
  for i in $(seq 50); do [[ -s "$PIDFILE" ]] && break; sleep 0.1; done
  [[ -s "$PIDFILE" ]] || die "launcher did not start"
  log "started Neo4j (pid $(cat "$PIDFILE"), log $CONSOLE_LOG)"
}

do_start() {
  lock
  if bolt_answers; then
    if http_ready; then
      log "Neo4j already running: Bolt answers on 127.0.0.1:$BOLT_PORT, RETURN 1 works over HTTP"
    elif our_pid >/dev/null || listener_pid >/dev/null; then
      log "Neo4j already running: Bolt answers on 127.0.0.1:$BOLT_PORT; waiting until it is ready"
      unlock
      do_wait
    else
      log "Bolt already answers on 127.0.0.1:$BOLT_PORT (not started by this script, or another password); nothing to do"
    fi
    return 0
  fi
  if our_pid >/dev/null; then
    log "Neo4j is already starting (pid $(our_pid))"
    unlock
    do_wait
    return 0
  fi
  do_install
  if port_listening "$HTTP_PORT" || port_listening "$BOLT_PORT"; then
    die "port $HTTP_PORT or $BOLT_PORT is taken by another program (set KG_NEO4J_HTTP_PORT / KG_NEO4J_BOLT_PORT)"
  fi
  launch
  unlock
  do_wait
}

do_stop() {
  lock
  local pid
  pid="$(our_pid || true)"
  if [[ -z "$pid" ]]; then
    pid="$(listener_pid || true)"
    [[ -n "$pid" ]] && pid="$(ps -o pgid= -p "$pid" | tr -d ' ')"
  fi
  if [[ -z "$pid" ]]; then
    rm -f "$PIDFILE"
    if bolt_answers; then
      log "something answers on Bolt 127.0.0.1:$BOLT_PORT but it is not this script's server; leaving it"
    else
      log "Neo4j is not running"
    fi
    return 0
  fi
  log "stopping Neo4j (process group $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      printf '\n' >&2
      log "still alive after ${STOP_TIMEOUT}s: SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    printf '.' >&2
    sleep 1
  done
  deadline=$((SECONDS + 15))
  while { port_listening "$BOLT_PORT" || port_listening "$HTTP_PORT"; } && (( SECONDS < deadline )); do sleep 0.5; done
  printf '\n' >&2
  rm -f "$PIDFILE"
  log "stopped"
}

do_status() {
  local pid
  pid="$(our_pid || listener_pid || true)"
  if ready; then
    echo "running${pid:+ (pid $pid)}: bolt://127.0.0.1:$BOLT_PORT http://127.0.0.1:$HTTP_PORT/browser/"
    return 0
  elif [[ -n "$pid" ]] || bolt_answers; then
    echo "running${pid:+ (pid $pid)}, not ready (starting, or password differs from KG_NEO4J_PASSWORD)"
    return 0
  fi
  echo "stopped"
  return 3
}

# import DIR: replaces the database neo4j with the CSV files of DIR (neo4j-admin.args
# names them and the options they need). The server is stopped for the import and
# started again after it, also when the import fails (with the old database then).
do_import() {
  local dir="${1:-}"
  [[ -n "$dir" ]] || die "usage: $0 import DIR (a folder written by kg export --format neo4j-admin)"
  dir="$(cd "$dir" && pwd)" || die "no folder $1"
  [[ -f "$dir/neo4j-admin.args" ]] || die "$dir/neo4j-admin.args missing: write DIR with kg export --format neo4j-admin DIR"
  lock; do_install; unlock
  do_stop
  lock
  log "importing $dir into database neo4j (neo4j-admin database import full --overwrite-destination)"
  local t0 rc=0
  t0="$(date +%s%N)"
  # The database name goes first: --nodes and --relationships take every argument
  # after them (picocli), and the @-file ends with them.
  admin database import full neo4j --overwrite-destination=true \
    --max-off-heap-memory="${KG_NEO4J_IMPORT_MEMORY:-1G}" \
    --report-file="$LOGS/import.report" "@$dir/neo4j-admin.args" >&2 || rc=$?
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  log "import $([[ $rc == 0 ]] && echo done || echo FAILED) in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s"
  unlock
  do_start
  (( rc == 0 )) || die "neo4j-admin database import failed (exit $rc; report: $LOGS/import.report)"
}

usage() { echo "usage: $0 install|start|stop|restart|status|wait|import DIR" >&2; exit 2; }

case "${1:-}" in
  install) lock; do_install; unlock; log "installed: home $H, instance $STATE" ;;
  start)   do_start ;;
  stop)    do_stop ;;
  restart) do_stop; do_start ;;
  status)  do_status ;;
  wait)    do_wait ;;
  import)  do_import "${2:-}" ;;
  *)       usage ;;
esac
