#!/usr/bin/env bash
# bench/imap.sh — Yubin's IMAP benchmark, with Dovecot beside it in the same run.
#
#   bench/imap.sh [--quick] [--big N] [--secs N] [--idle N]
#
# As root: starts the bench's Dovecot (bench/peers.sh, IMAP on 127.0.0.1:16143) and Yubin on a fresh
# temporary data directory (IMAP 16430, HTTP 16080), creates users test1..test17 on both (password
# pass), runs ImapBench.java against both at once, alternating between them round by round, prints
# a table with a column per server and stops both (Yubin by its PID, the peers by peers.sh). Phases:
# a mixed load from 32 sessions (commands/s), a big mailbox (SELECT, UID FETCH 1:* (UID FLAGS), UID
# SEARCH HEADER, UID SORT (DATE), UID STORE 1:*; 100,000 messages) and 2,000 IDLE sessions (memory
# per session). --quick: a 20,000-message mailbox, 500 IDLE sessions, 8 s rounds (about 6 minutes).
# Without root, Yubin alone. Prints numbers; asserts nothing.
# Env: BENCH_KEEP=1 keeps the data directory; BENCH_JFR=1 records Yubin with Java Flight Recorder
# into it (yubin.jfr, kept); BENCH_PHASES (fill,mixed,big,idle) runs only some phases (fill first).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

big=100000
secs=20
idle=2000
rounds=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) big=20000; secs=8; idle=500 ;;
    --big) big="$2"; shift ;;
    --secs) secs="$2"; shift ;;
    --idle) idle="$2"; shift ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done

bind=127.0.0.1
imap_port=16430
http_port=16080
admin_port=16443
dovecot_port=16143
users=16
big_user=17

work="$(mktemp -d /tmp/yubin-imapbench.XXXXXX)"
results="$work/results.txt"
: > "$results"
ypid=""
peers_started=0
with_peers=1

cleanup() {
  local rc=$?
  stop_pid "$ypid" "Yubin"
  finish_run "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_built

# ------------------------------------------------------------------ Dovecot
if [[ $(id -u) != 0 ]]; then
  log "Dovecot needs root (bench/peers.sh runs setup-peers.sh): Yubin alone"
  with_peers=0
fi
dovecot_pid=""
if [[ $with_peers == 1 ]]; then
  for p in 16525 16526 $dovecot_port 16111 16124; do
    if port_busy 127.0.0.1 "$p"; then
      log "port $p is in use (a bench peer left running?): run bench/peers.sh stop first"; exit 1
    fi
  done
  if ! command -v postfix >/dev/null || ! command -v dovecot >/dev/null; then
    log "installing Postfix and Dovecot (setup-peers.sh install)"
    "$here/peers.sh" install
  fi
  log "starting the bench's peers (Dovecot IMAP on $dovecot_port)"
  peers_started=1
  "$here/peers.sh" start > "$work/peers-start.log" 2>&1
  dovecot_pid="$(cat /tmp/yubin-bench-peers/run/dovecot/master.pid)"
fi

# ------------------------------------------------------------------ Yubin
for p in $imap_port $http_port $admin_port; do
  if port_busy $bind "$p"; then log "port $p is in use: is another bench running?"; exit 1; fi
done
admin_password="bench-$RANDOM$RANDOM"
jfr=""
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  jfr="-XX:StartFlightRecording=filename=$work/yubin.jfr,settings=profile,dumponexit=true"
  export BENCH_KEEP=1
fi
log "starting Yubin on $bind (IMAP $imap_port, HTTP $http_port), data in $work/data"
YUBIN_BIND=$bind YUBIN_HTTP_PORT=$http_port YUBIN_ADMIN_PORT=$admin_port YUBIN_IMAP_PORT=$imap_port \
  YUBIN_SMTP_PORT=0 YUBIN_POP3_PORT=0 YUBIN_SUBMISSION_PORT=0 YUBIN_SUBMISSIONS_PORT=0 \
  YUBIN_POP3S_PORT=0 YUBIN_IMAPS_PORT=0 YUBIN_DNS_SERVERS=127.0.0.1:9 \
  YUBIN_MAX_CONNECTIONS=$((idle + 100)) YUBIN_MAX_CONNECTIONS_PER_IP=$((idle + 100)) \
  YUBIN_DATA_DIR="$work/data" YUBIN_DOMAINS=bench.test YUBIN_HOSTNAME=bench.yubin.test \
  YUBIN_ADMIN_PASSWORD="$admin_password" YUBIN_JAVA_OPTS="${YUBIN_JAVA_OPTS:-} $jfr" \
  "$root/yubin" run </dev/null >"$work/yubin.log" 2>&1 &
ypid=$!   # ./yubin run execs java: this is the server's own PID
boot="$(wait_healthy "$ypid" $bind $http_port "$work/yubin.log")"
log "Yubin healthy after $boot s (pid $ypid)"

log "creating users test1..test$big_user@bench.test (PBKDF2: ~0.3 s CPU each)"
seq 1 "$big_user" | YUBIN_BIND=$bind YUBIN_ADMIN_PORT=$admin_port YUBIN_DATA_DIR="$work/data" \
  YUBIN_ADMIN_PASSWORD="$admin_password" xargs -P 2 -I{} "$root/yubin" user add test{}@bench.test pass \
  >/dev/null

servers=yubin
peer_args=()
if [[ $with_peers == 1 ]]; then
  servers=yubin,dovecot
  peer_args=(dovecot.imap=127.0.0.1:$dovecot_port dovecot.user=test%d dovecot.pid="$dovecot_pid")
fi
java "$here/ImapBench.java" servers=$servers yubin.imap=$bind:$imap_port yubin.user=test%d@bench.test \
  yubin.pid="$ypid" "${peer_args[@]}" password=pass users=$users biguser=$big_user big="$big" \
  secs="$secs" rounds=$rounds idle="$idle" phases="${BENCH_PHASES:-fill,mixed,big,idle}" \
  | tee -a "$results" >/dev/null

# ------------------------------------------------------------------ table
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!bench' || echo '+changes')"
echo
echo "IMAP benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v peers="$with_peers" -v big="$big" -v idle="$idle" '
  BEGIN {
    names["fill_append_msg_s"] = "fill: APPEND, 4 users at a time"
    names["fill_big_s"] = "fill: big mailbox, APPEND + COPY"
    names["mixed_ops_s"] = "mixed load, 32 sessions"
    names["mixed_p50_ms"] = "  command p50"
    names["mixed_p99_ms"] = "  command p99"
    names["mixed_failures"] = "  failed sessions"
    names["big_select_ms"] = "SELECT"
    names["big_fetch_flags_ms"] = "UID FETCH 1:* (UID FLAGS)"
    names["big_search_header_ms"] = "UID SEARCH HEADER Subject"
    names["big_sort_date_ms"] = "UID SORT (DATE) ALL"
    names["big_store_all_ms"] = "UID STORE 1:* +/-FLAGS.SILENT"
    names["idle_sessions"] = "IDLE sessions open"
    names["idle_setup_s"] = "  time to open them"
    names["idle_new_session_ms"] = "  a new login+SELECT meanwhile"
    names["idle_wake_all_ms"] = "  APPEND told to user 1 sessions"
    names["idle_rss_before_mib"] = "  server RSS before"
    names["idle_rss_with_mib"] = "  server RSS with them"
    names["idle_rss_per_session_kib"] = "  RSS per session"
    names["idle_pss_per_session_kib"] = "  PSS per session"
  }
  $1 == "RESULT" {
    m = $3
    if (m == "mixed_failures" && $4 == 0) next
    if (!(m in seen)) { seen[m] = 1; order[++n] = m; unit[m] = $5 }
    val[$2, m] = $4
  }
  function label(m) {
    if (m in names) return names[m]
    if (m ~ /^mixed_.*_p50_ms$/) { sub(/^mixed_/, "", m); sub(/_p50_ms$/, "", m); return "  " m " p50" }
    return m
  }
  END {
    if (peers) printf "%-36s %-7s %10s %10s\n", "", "unit", "Yubin", "Dovecot"
    else printf "%-36s %-7s %10s\n", "", "unit", "Yubin"
    for (i = 1; i <= n; i++) {
      m = order[i]
      if (m == "big_select_ms") printf "big mailbox, %d messages (median):\n", big
      y = ((("yubin", m) in val) ? sprintf("%.1f", val["yubin", m]) : "-")
      d = ((("dovecot", m) in val) ? sprintf("%.1f", val["dovecot", m]) : "-")
      l = label(m)
      if (m ~ /^big_/) l = "  " l
      if (peers) printf "%-36s %-7s %10s %10s\n", l, unit[m], y, d
      else printf "%-36s %-7s %10s\n", l, unit[m], y
    }
  }' "$results"
if [[ $with_peers == 1 ]]; then
  echo "Dovecot $(dovecot --version | cut -d' ' -f1): the bench's instance (bench/peers.sh), Maildir, passwords in a file (LOGIN);"
  echo "Yubin logs in with SCRAM-SHA-256 (the client keeps its SaltedPassword). Memory: the process tree's sum."
fi
