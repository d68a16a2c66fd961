#!/usr/bin/env bash
# bench/relay.sh — relay throughput and end-to-end latency, Yubin A -> DNS MX -> Yubin B.
#
#   bench/relay.sh [--with-peers] [--messages N] [--sequential N]
#
# Starts dnsmasq on 127.0.0.1:16354 (MX for a.test and b.test), Yubin B on 127.0.0.3 (domain b.test,
# users test1..test16) and Yubin A on 127.0.0.2 (domain a.test, user bench@a.test), each on a fresh
# temporary data directory; A finds B by MX lookup through the dnsmasq. RelayBench.java submits to
# A's submission port (STARTTLS, AUTH PLAIN once per session) and watches B's maildrop for the
# messages. With --with-peers (as root) Postfix, started by bench/peers.sh on 127.0.0.1:16525,
# relays the same load to the same Yubin B (a transport route, no MX lookup: see bench/README.md).
# Prints a table; asserts nothing. Stops everything it started, by PID, also on error or Ctrl-C.
# Env: BENCH_KEEP=1 keeps the data directories and logs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

with_peers=0
messages=1000
sequential=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --with-peers) with_peers=1 ;;
    --messages) messages="$2"; shift ;;
    --sequential) sequential="$2"; shift ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done

a_addr=127.0.0.2
b_addr=127.0.0.3
smtp_port=16025
submission_port=16587
pop3_port=16110
http_port=16080
dns_port=16354

work="$(mktemp -d /tmp/yubin-relay-bench.XXXXXX)"
results="$work/results.txt"
: > "$results"
a_pid=""
b_pid=""
dns_pid=""
load_pid=""
peers_started=0

cleanup() {
  local rc=$?
  stop_pid "$a_pid" "Yubin A"
  stop_pid "$b_pid" "Yubin B"
  stop_pid "$dns_pid" "dnsmasq"
  [[ -n "$load_pid" ]] && kill "$load_pid" 2>/dev/null || true
  finish_run "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for addr in $a_addr $b_addr; do
  for p in $smtp_port $pop3_port $http_port $submission_port; do
    if port_busy "$addr" "$p"; then log "$addr:$p is in use: is another bench running?"; exit 1; fi
  done
done
if [[ -n "$(ss -Hlun "sport = :$dns_port")" ]]; then log "UDP port $dns_port is in use"; exit 1; fi

ensure_built
log "compiling Bench.java and RelayBench.java"
javac -d "$work/classes" "$here/Bench.java" "$here/RelayBench.java"

# ------------------------------------------------------------------ DNS
mkdir -p "$work/dns"
cat > "$work/dns/dnsmasq.conf" <<EOF
port=$dns_port
listen-address=127.0.0.1
bind-interfaces
no-resolv
no-hosts
local=/test/
mx-host=a.test,mx.a.test,10
mx-host=b.test,mx.b.test,10
host-record=mx.a.test,$a_addr
host-record=mx.b.test,$b_addr
ptr-record=2.0.0.127.in-addr.arpa,mx.a.test
ptr-record=3.0.0.127.in-addr.arpa,mx.b.test
EOF
dnsmasq --conf-file="$work/dns/dnsmasq.conf" --keep-in-foreground --log-facility=- \
  </dev/null >"$work/dns/dnsmasq.log" 2>&1 &
dns_pid=$!
sleep 0.5
kill -0 "$dns_pid" 2>/dev/null || { log "dnsmasq did not start"; cat "$work/dns/dnsmasq.log" >&2; exit 1; }

# ------------------------------------------------------------------ Yubin A and B
admin_password="bench-$RANDOM$RANDOM"

# start_yubin NAME ADDRESS DOMAIN HOSTNAME [VAR=VALUE...]: starts ./yubin run in the background.
start_yubin() {
  local name=$1 addr=$2 domain=$3 hostname=$4
  shift 4
  env -i PATH="$PATH" HOME="$HOME" LANG="${LANG:-C.UTF-8}" \
    YUBIN_BIND="$addr" YUBIN_ADMIN_BIND="$addr" YUBIN_SMTP_PORT=$smtp_port YUBIN_HTTP_PORT=$http_port \
    YUBIN_POP3S_PORT=0 YUBIN_IMAP_PORT=0 YUBIN_IMAPS_PORT=0 YUBIN_SUBMISSIONS_PORT=0 \
    YUBIN_DNS_SERVERS="127.0.0.1:$dns_port" \
    YUBIN_DATA_DIR="$work/$name/data" YUBIN_DOMAINS="$domain" YUBIN_HOSTNAME="$hostname" \
    YUBIN_ADMIN_PASSWORD="$admin_password" "$@" \
    "$root/yubin" run </dev/null >"$work/$name.log" 2>&1 &
}

# add_user NAME ADDRESS USER: an account with the password "pass", through the CLI.
add_user() {
  YUBIN_BIND="$2" YUBIN_ADMIN_BIND="$2" YUBIN_DATA_DIR="$work/$1/data" \
    YUBIN_ADMIN_PASSWORD="$admin_password" "$root/yubin" user add "$3" pass >/dev/null
}

log "starting Yubin B on $b_addr (SMTP $smtp_port, POP3 $pop3_port) and Yubin A on $a_addr (submission $submission_port)"
mkdir -p "$work/b" "$work/a"
start_yubin b $b_addr b.test mx.b.test YUBIN_POP3_PORT=$pop3_port YUBIN_SUBMISSION_PORT=0
b_pid=$!   # ./yubin run execs java: the server's own PID
start_yubin a $a_addr a.test mx.a.test YUBIN_POP3_PORT=0 YUBIN_SUBMISSION_PORT=$submission_port \
  YUBIN_RELAY_PORT=$smtp_port YUBIN_RELAY_ALLOW_INTERNAL_DESTINATIONS=true  # B is on loopback
a_pid=$!
b_boot="$(wait_healthy "$b_pid" $b_addr $http_port "$work/b.log")"
a_boot="$(wait_healthy "$a_pid" $a_addr $http_port "$work/a.log")"
log "B healthy after $b_boot s, A after $a_boot s (booted side by side)"

log "creating bench@a.test and test1..test16@b.test (PBKDF2: ~0.3 s CPU each)"
add_user a $a_addr bench@a.test
export -f add_user
export work root admin_password
seq 1 16 | xargs -P 2 -I{} bash -c 'add_user b '"$b_addr"' test{}@b.test'

relay_bench() { java -cp "$work/classes" RelayBench "$@" | tee -a "$results"; }

# The machine is shared: the 1-minute load average every 5 s, summarised per column.
while true; do echo "$(date +%s) $(cut -d' ' -f1 /proc/loadavg)"; sleep 5; done > "$work/load.txt" &
load_pid=$!
load_range() {  # LABEL FROM TO: "RESULT LABEL load_min/max" lines for the samples in [FROM, TO]
  awk -v l="$1" -v a="$2" -v b="$3" '$1 >= a && $1 <= b { if (n++ == 0 || $2 < lo) lo = $2; if ($2 > hi) hi = $2 }
    END { if (n) printf "RESULT %s load1_min %s load\nRESULT %s load1_max %s load\n", l, lo, l, hi }' "$work/load.txt" >> "$results"
}

log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
t_start=$(date +%s)
log "Yubin A -> Yubin B: $messages messages at once, then $sequential one at a time"
relay_bench label=yubin submit=$a_addr:$submission_port tls=yes auth=bench@a.test:pass \
  from=bench@a.test maildir="$work/b/data/mail" queue="$work/a/data/queue" \
  pop3=$b_addr:$pop3_port messages="$messages" sequential="$sequential" \
  cpu="relay:$a_pid,b:$b_pid" clktck="$(getconf CLK_TCK)" >/dev/null
log "load average after Yubin's run: $(cut -d' ' -f1-3 /proc/loadavg)"
load_range yubin "$t_start" "$(date +%s)"
echo "RESULT yubin a_rss_mib $(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$a_pid/status") MiB" >> "$results"

# ------------------------------------------------------------------ Postfix
if [[ $with_peers == 1 && $(id -u) != 0 ]]; then
  log "--with-peers needs root (setup-peers.sh); skipping Postfix"
  with_peers=0
fi
if [[ $with_peers == 1 ]]; then
  for p in 16525 16526 16143 16111 16124; do
    if port_busy 127.0.0.1 "$p"; then
      log "port $p is in use (a bench peer left running?): run bench/peers.sh stop first"; exit 1
    fi
  done
  if ! command -v postfix >/dev/null || ! command -v dovecot >/dev/null; then
    log "installing Postfix and Dovecot (setup-peers.sh install)"
    "$here/peers.sh" install
  fi
  log "starting Postfix on 127.0.0.1:16525, relaying b.test to Yubin B ($b_addr:$smtp_port)"
  peers_started=1
  BENCH_PEERS_RELAY="b.test=smtp:[$b_addr]:$smtp_port" "$here/peers.sh" start > "$work/peers-start.log" 2>&1
  master_pid="$(tr -d ' ' < "${BENCH_PEERS_HOME:-/tmp/yubin-bench-peers}/postfix-queue/pid/master.pid")"
  log "Postfix -> Yubin B: $messages messages at once, then $sequential one at a time"
  t_start=$(date +%s)
  relay_bench label=peer submit=127.0.0.1:16525 tls=yes auth=- from=bench@a.test \
    maildir="$work/b/data/mail" pop3=$b_addr:$pop3_port \
    messages="$messages" sequential="$sequential" \
    cpu="relay:tree:$master_pid,b:$b_pid" clktck="$(getconf CLK_TCK)" >/dev/null
  log "load average after Postfix's run: $(cut -d' ' -f1-3 /proc/loadavg)"
  load_range peer "$t_start" "$(date +%s)"
  "$here/peers.sh" stop >/dev/null 2>&1 || true
  peers_started=0
fi

# ------------------------------------------------------------------ table
echo
echo "Relay benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, 4 KiB messages, relay -> Yubin B"
awk -v peers="$with_peers" '
  BEGIN {
    names["relay_burst_accept_msg_s"] = "burst: accepted by the relay"
    names["relay_burst_msg_s"] = "burst: at B, first submit to last"
    names["relay_burst_steady_msg_s"] = "burst: at B, middle 80 %"
    names["relay_burst_p50_ms"] = "  burst 250 -> at B p50"
    names["relay_burst_p99_ms"] = "  burst 250 -> at B p99"
    names["relay_burst_done_p50_ms"] = "  burst 250 -> B acked p50"
    names["relay_burst_done_p99_ms"] = "  burst 250 -> B acked p99"
    names["relay_burst_missing"] = "burst: not at B in time"
    names["relay_burst_pop3_retrievable"] = "burst: retrievable by POP3"
    names["relay_burst_pop3_extra_copies"] = "burst: extra copies"
    names["relay_seq_p50_ms"] = "one at a time: 250 -> at B p50"
    names["relay_seq_p99_ms"] = "one at a time: 250 -> at B p99"
    names["relay_seq_done_p50_ms"] = "  250 -> B acked p50"
    names["relay_seq_done_p99_ms"] = "  250 -> B acked p99"
    names["relay_seq_missing"] = "one at a time: not at B in time"
    names["relay_seq_pop3_retrievable"] = "one at a time: retrievable (POP3)"
    names["relay_seq_pop3_extra_copies"] = "one at a time: extra copies"
    names["relay_burst_cpu_relay_ms"] = "burst: CPU per message, relay"
    names["relay_burst_cpu_b_ms"] = "burst: CPU per message, B"
    names["a_rss_mib"] = "relay RSS at the end"
    names["load1_min"] = "machine load (1 min) during, min"
    names["load1_max"] = "machine load (1 min) during, max"
  }
  $1 == "RESULT" {
    m = $3
    if (m ~ /_missing$/ && $4 == 0) next
    if (!(m in seen)) { seen[m] = 1; order[++n] = m; unit[m] = $5 }
    val[$2, m] = $4
  }
  END {
    if (peers) printf "%-36s %-6s %10s %10s\n", "", "unit", "Yubin A", "Postfix"
    else printf "%-36s %-6s %10s\n", "", "unit", "Yubin A"
    for (i = 1; i <= n; i++) {
      m = order[i]
      label = (m in names) ? names[m] : m
      y = ((("yubin", m) in val) ? sprintf("%.1f", val["yubin", m]) : "-")
      p = ((("peer", m) in val) ? sprintf("%.1f", val["peer", m]) : "-")
      if (peers) printf "%-36s %-6s %10s %10s\n", label, unit[m], y, p
      else printf "%-36s %-6s %10s\n", label, unit[m], y
    }
  }' "$results"
echo "B is Yubin on $b_addr for both columns; \"at B\": the message file in B's maildrop; \"B acked\": A's"
echo "queue entry removed after B's 250 (Yubin only). Yubin A finds B by MX lookup (dnsmasq);"
[[ $with_peers == 1 ]] && echo "Postfix by a transport route to [$b_addr]:$smtp_port, with its connection cache."
true
