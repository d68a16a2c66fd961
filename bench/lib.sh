# bench/lib.sh — what run.sh and relay.sh share; sourced, not run.
# Needs $root (the repository root) set by the caller.

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

# Is PORT taken on ADDRESS (or on every address)?
port_busy() {
  ss -Hltn "sport = :$2" | awk '{print $4}' | grep -qE "^($1|0\.0\.0\.0|\*|\[::\]):$2\$"
}

# Builds the distribution (mvn package, not install) when it is missing or older than a pom.xml or
# a file under src/main (test sources do not change it).
ensure_built() {
  local dist="$root/dist/target/yubin" stale=0
  if [[ ! -f "$dist/yubin.war" || ! -f "$dist/yubin-rar.rar" || ! -f "$dist/payara-micro.jar" ]]; then
    stale=1
  elif [[ -n "$(find "$root" \( -path "$root/bench" -o -path "$root/.git" \) -prune -o -path '*/target' -prune -o \
      \( -name 'pom.xml' -o -path '*/src/main/*' \) -type f -newer "$dist/yubin.war" -print -quit)" ]]; then
    stale=1
  fi
  if [[ $stale == 1 ]]; then
    log "building Yubin (mvn package)"
    (cd "$root" && mvn -B -q package -DskipTests -Dspotless.check.skip=true) >&2
  fi
}

# Waits until http://ADDRESS:PORT/api/health answers 200 while PID lives (240 s at most);
# prints the seconds it took.
wait_healthy() {
  local pid=$1 address=$2 port=$3 logfile=$4 t0
  t0=$(date +%s.%N)
  until curl -fsS -o /dev/null "http://$address:$port/api/health" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then log "Yubin ($pid) exited; see $logfile"; tail -20 "$logfile" >&2; return 1; fi
    if (( $(date +%s) - ${t0%.*} > 240 )); then log "Yubin ($pid) not healthy after 240 s"; return 1; fi
    sleep 0.5
  done
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'
}

# SIGTERM to a process we started, SIGKILL if it is still there after 30 s.
stop_pid() {
  local pid=$1 what=$2
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $what (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$what did not stop in 30 s: kill -9 $pid"
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# finish_run RC: the end of a run's cleanup. Stops the bench's Postfix/Dovecot/dnsmasq if this run
# started them ($peers_started), then keeps $work (on failure, or with BENCH_KEEP=1) or removes it.
finish_run() {
  local rc=$1
  if [[ ${peers_started:-0} == 1 ]]; then
    log "stopping the bench's Postfix/Dovecot/dnsmasq"
    "$here/peers.sh" stop >/dev/null 2>&1 || true
  fi
  if [[ $rc != 0 ]]; then
    log "failed (exit $rc); logs kept in $work"
  elif [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    log "data and logs kept in $work"
  else
    rm -rf "$work"
  fi
}
