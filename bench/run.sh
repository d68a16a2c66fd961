#!/usr/bin/env bash
# bench/run.sh — Yubin's benchmark, with Postfix and Dovecot beside it in the same run.
#
#   bench/run.sh [--with-peers] [--secs N]
#
# Builds Yubin if needed, starts it on a fresh temporary data directory on bench ports
# (127.0.0.1: SMTP 16025, POP3 16110, HTTP 16080), creates the domain bench.test and users
# test1..testN, runs Bench.java against it, prints a table and stops Yubin (by its PID, always).
# With --with-peers (as root) it also sets up Postfix (with STARTTLS) and Dovecot on their own
# 16xxx ports (bench/peers.sh), runs the shared smtp-source benchmark and the same Bench.java
# load against them, and prints their figures beside Yubin's. The SMTP phases run plain and
# after STARTTLS; a second table puts the two side by side. Prints numbers; asserts nothing.
# Every client is 127.0.0.1, so Yubin's per-address connection limit (yubin.max-connections-per-ip,
# 50 by default) is raised above the idle check's connection count for the bench.
# Env: BENCH_SECS (10) BENCH_USERS (16) BENCH_IDLE (2000) BENCH_KEEP=1 keeps the data directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

with_peers=0
secs="${BENCH_SECS:-10}"
users="${BENCH_USERS:-16}"
idle="${BENCH_IDLE:-2000}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --with-peers) with_peers=1 ;;
    --secs) secs="$2"; shift ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done

bind=127.0.0.1
smtp_port=16025
pop3_port=16110
http_port=16080
admin_port=16443

work="$(mktemp -d /tmp/yubin-bench.XXXXXX)"
results="$work/results.txt"
: > "$results"
ypid=""
peers_started=0

cleanup() {
  local rc=$?
  stop_pid "$ypid" "Yubin"
  finish_run "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ build
ensure_built

bench() { java "$here/Bench.java" "$@" | tee -a "$results"; }

# ------------------------------------------------------------------ peers
if [[ $with_peers == 1 ]]; then
  if [[ $(id -u) != 0 ]]; then
    log "--with-peers needs root (it runs setup-peers.sh); skipping the peers"
    with_peers=0
  fi
fi
if [[ $with_peers == 1 ]]; then
  for p in 16525 16526 16143 16111 16124; do
    if port_busy 127.0.0.1 "$p"; then
      log "port $p is in use (a bench peer left running?): run bench/peers.sh stop first"; exit 1
    fi
  done
  if ! command -v smtp-source >/dev/null || ! command -v dovecot >/dev/null; then
    log "installing Postfix and Dovecot (setup-peers.sh install)"
    "$here/peers.sh" install
  fi
  log "starting Postfix (16525) and Dovecot (POP3 16111) for the bench"
  peers_started=1
  "$here/peers.sh" start > "$work/peers-start.log" 2>&1
  log "Postfix: shared smtp-source benchmark (20 sessions, 4 KiB)"
  "$here/peers.sh" bench 2>&1 | tee "$work/peers-bench.log" >&2
  last="$(tail -1 "$work/peers-bench.log")"
  accept="$(sed -n 's/.*postfix_accept_msg_s=\([0-9.]*\).*/\1/p' <<<"$last")"
  local_delivery="$(sed -n 's/.*postfix_local_delivery_msg_s=\([0-9.]*\).*/\1/p' <<<"$last")"
  [[ -n "$accept" ]] && echo "RESULT peer smtp_source_s20_msg_s $accept msg/s" >> "$results"
  [[ -n "$local_delivery" ]] && echo "RESULT peer smtp_source_s20_local_delivery_msg_s $local_delivery msg/s" >> "$results"

  log "Postfix: Bench.java SMTP load (mail to test1..test$users@a.test, delivered to Dovecot)"
  bench label=peer smtp=127.0.0.1:16525 pop3=- rcpt="test%d@a.test" users="$users" \
    secs="$secs" phases=smtp,conn,tls,tlsconn >/dev/null
  log "waiting for Postfix to deliver its queue to Dovecot (at most 300 s)"
  q=/tmp/yubin-bench-peers/postfix-queue
  for _ in $(seq 1 300); do
    [[ $(find "$q"/{incoming,active,deferred,maildrop} -type f 2>/dev/null | wc -l) == 0 ]] && break
    sleep 1
  done
  log "Dovecot: Bench.java POP3 load (test1..test8, password pass)"
  bench label=peer smtp=- pop3=127.0.0.1:16111 pop3user="test%d" password=pass \
    secs="$secs" phases=login,retr >/dev/null
  "$here/peers.sh" stop >/dev/null 2>&1 || true
  peers_started=0
fi

# ------------------------------------------------------------------ Yubin
for p in $smtp_port $pop3_port $http_port $admin_port; do
  if port_busy $bind "$p"; then log "port $p is in use: is another bench running?"; exit 1; fi
done
admin_password="bench-$RANDOM$RANDOM"
log "starting Yubin on $bind (SMTP $smtp_port, POP3 $pop3_port, HTTP $http_port), data in $work/data"
YUBIN_BIND=$bind YUBIN_SMTP_PORT=$smtp_port YUBIN_POP3_PORT=$pop3_port YUBIN_HTTP_PORT=$http_port \
  YUBIN_ADMIN_PORT=$admin_port \
  YUBIN_SUBMISSION_PORT=0 YUBIN_SUBMISSIONS_PORT=0 YUBIN_POP3S_PORT=0 YUBIN_IMAP_PORT=0 YUBIN_IMAPS_PORT=0 YUBIN_DNS_SERVERS=127.0.0.1:9 \
  YUBIN_MAX_CONNECTIONS_PER_IP=$((idle + 100)) \
  YUBIN_DATA_DIR="$work/data" YUBIN_DOMAINS=bench.test YUBIN_HOSTNAME=bench.yubin.test \
  YUBIN_ADMIN_PASSWORD="$admin_password" \
  "$root/yubin" run </dev/null >"$work/yubin.log" 2>&1 &
ypid=$!   # ./yubin run execs java: this is the server's own PID
boot="$(wait_healthy "$ypid" $bind $http_port "$work/yubin.log")"
log "Yubin healthy after $boot s (pid $ypid)"
echo "RESULT yubin boot_to_healthy_s $boot s" >> "$results"

log "creating users test1..test$users@bench.test (PBKDF2: ~0.3 s CPU each)"
seq 1 "$users" | YUBIN_BIND=$bind YUBIN_ADMIN_PORT=$admin_port YUBIN_DATA_DIR="$work/data" \
  YUBIN_ADMIN_PASSWORD="$admin_password" xargs -P 2 -I{} "$root/yubin" user add test{}@bench.test pass \
  >/dev/null

bench label=yubin smtp=$bind:$smtp_port pop3=$bind:$pop3_port rcpt="test%d@bench.test" \
  pop3user="test%d@bench.test" password=pass users="$users" secs="$secs" idle="$idle" \
  pid="$ypid" >/dev/null
echo "RESULT yubin rss_after_run_mib $(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$ypid/status") MiB" >> "$results"

# ------------------------------------------------------------------ table
echo
echo "Yubin benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${secs} s per phase, 4 KiB messages"
awk -v peers="$with_peers" '
  function name(m) {
    if (m in names) return names[m]
    return m
  }
  BEGIN {
    names["boot_to_healthy_s"] = "boot to /api/health 200"
    names["smtp_source_s20_msg_s"] = "smtp-source, 20 sessions: accept"
    names["smtp_source_s20_local_delivery_msg_s"] = "smtp-source, 20 sessions: into mailbox"
    names["smtp_c1_msg_s"] = "SMTP accept, 1 client"
    names["smtp_c8_msg_s"] = "SMTP accept, 8 clients"
    names["smtp_c32_msg_s"] = "SMTP accept, 32 clients"
    names["smtp_newconn_c8_msg_s"] = "SMTP accept, 8 clients, conn/msg"
    names["smtp_tls_c1_msg_s"] = "STARTTLS accept, 1 client"
    names["smtp_tls_c8_msg_s"] = "STARTTLS accept, 8 clients"
    names["smtp_tls_c32_msg_s"] = "STARTTLS accept, 32 clients"
    names["smtp_tls_newconn_c8_msg_s"] = "STARTTLS accept, 8 cl., conn/msg"
    names["smtp_tls_newconn_c8_handshake_p50_ms"] = "  TLS handshake p50"
    names["pop3_login_c2_per_s"] = "POP3 USER+PASS, 2 clients"
    names["pop3_login_c2_p50_ms"] = "POP3 USER+PASS p50"
    names["pop3_retr_c1_msg_s"] = "POP3 RETR, 1 client"
    names["pop3_retr_c1_mib_s"] = "POP3 RETR, 1 client"
    names["pop3_retr_c8_msg_s"] = "POP3 RETR, 8 clients"
    names["pop3_retr_c8_mib_s"] = "POP3 RETR, 8 clients"
    names["idle_greeted"] = "idle SMTP conns greeted"
    names["idle_refused_421"] = "  refused (421, connection limit)"
    names["idle_all_greeted_s"] = "  time until all greeted"
    names["idle_greet_p99_ms"] = "  greeting p99"
    names["idle_new_client_greet_ms"] = "  new client greeted during"
    names["idle_rss_before_mib"] = "  server RSS before"
    names["idle_rss_after_mib"] = "  server RSS with them open"
    names["rss_after_run_mib"] = "server RSS at the end"
    names["smtp_c1_failures"] = "SMTP 1 client: failed sessions"
    names["smtp_c8_failures"] = "SMTP 8 clients: failed sessions"
    names["smtp_c32_failures"] = "SMTP 32 clients: failed sessions"
    names["smtp_newconn_c8_failures"] = "SMTP conn/msg: failed sessions"
    names["smtp_tls_c1_failures"] = "STARTTLS 1 client: failed sessions"
    names["smtp_tls_c8_failures"] = "STARTTLS 8 clients: failed sessions"
    names["smtp_tls_c32_failures"] = "STARTTLS 32 clients: failed sessions"
    names["smtp_tls_newconn_c8_failures"] = "STARTTLS conn/msg: failed sessions"
  }
  function v(who, m) { return (((who, m) in val) ? sprintf("%.1f", val[who, m]) : "-") }
  $1 == "RESULT" {
    m = $3
    if (m ~ /_failures$/ && $4 == 0) next
    if (!(m in seen)) { seen[m] = 1; order[++n] = m; unit[m] = $5 }
    val[$2, m] = $4
  }
  END {
    if (peers) printf "%-38s %-9s %12s %16s\n", "", "unit", "Yubin", "Postfix/Dovecot"
    else printf "%-38s %-9s %12s\n", "", "unit", "Yubin"
    for (i = 1; i <= n; i++) {
      m = order[i]
      label = name(m)
      if (label == m && m ~ /_p50_ms$/) label = "  DATA->250 p50"
      if (label == m && m ~ /_p99_ms$/) label = "  DATA->250 p99"
      y = ((("yubin", m) in val) ? sprintf("%.1f", val["yubin", m]) : "-")
      p = ((("peer", m) in val) ? sprintf("%.1f", val["peer", m]) : "-")
      if (peers) printf "%-38s %-9s %12s %16s\n", label, unit[m], y, p
      else printf "%-38s %-9s %12s\n", label, unit[m], y
    }
    # SMTP plain and after STARTTLS, side by side (the same Bench.java phases, same client).
    split("c1 c8 c32 newconn_c8", levels, " ")
    split("1 client|8 clients|32 clients|8 clients, conn/msg", what, "|")
    tls = 0
    for (i = 1; i <= 4; i++) if (("smtp_tls_" levels[i] "_msg_s") in seen) tls = 1
    if (!tls) exit
    print ""
    if (peers) printf "%-30s %-6s %9s %10s %9s %12s\n", "SMTP: plain vs STARTTLS", "unit", "Yubin", "Yubin+TLS", "Postfix", "Postfix+TLS"
    else printf "%-30s %-6s %9s %10s\n", "SMTP: plain vs STARTTLS", "unit", "Yubin", "Yubin+TLS"
    for (i = 1; i <= 4; i++) {
      split("msg_s p50_ms p99_ms", ms, " ")
      split("accept, " what[i] "|  DATA->250 p50|  DATA->250 p99", ls, "|")
      split("msg/s ms ms", us, " ")
      for (j = 1; j <= 3; j++) {
        a = "smtp_" levels[i] "_" ms[j]; b = "smtp_tls_" levels[i] "_" ms[j]
        if (peers) printf "%-30s %-6s %9s %10s %9s %12s\n", ls[j], us[j], v("yubin", a), v("yubin", b), v("peer", a), v("peer", b)
        else printf "%-30s %-6s %9s %10s\n", ls[j], us[j], v("yubin", a), v("yubin", b)
      }
    }
    b = "smtp_tls_newconn_c8_handshake_p50_ms"
    if (peers) printf "%-30s %-6s %9s %10s %9s %12s\n", "  TLS handshake p50", "ms", "-", v("yubin", b), "-", v("peer", b)
    else printf "%-30s %-6s %9s %10s\n", "  TLS handshake p50", "ms", "-", v("yubin", b)
  }' "$results"
if [[ $with_peers == 1 ]]; then
  echo "Postfix: its own instance on 127.0.0.1:16525 (fsyncs its queue file before 250), Dovecot POP3 on"
  echo "16111, Maildir. smtp-source rows: the shared bench-smtp-peers.sh (median of its runs)."
fi
