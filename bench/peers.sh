#!/usr/bin/env bash
# bench/peers.sh — the shared reference peers (../shared/peers), moved to the bench's own ports.
#
# setup-peers.sh and bench-smtp-peers.sh hard-code Postfix on 127.0.0.1:2525 (Yubin's default
# SMTP port, which other engineers' servers use) and Dovecot on 1143/1110. So this script runs
# copies of them with every port shifted into the 16xxx range and its own PEERS_HOME; it never
# touches an instance someone else started, and stops only its own.
#
#   Postfix SMTP 127.0.0.1:16525   smtp-sink 16526   Dovecot IMAP 16143, POP3 16111, LMTP 16124
#   dnsmasq 127.0.0.1:16353        home /tmp/yubin-bench-peers
#
# Dovecot may run 2,100 imap processes (bench/imap.sh holds 2,000 IDLE sessions; shared: 1,024).
#
# Unlike the shared setup, Postfix offers STARTTLS (smtpd_tls_security_level = may) with a
# self-signed EC P-256 certificate made here ($PEERS_HOME/tls, 30 days, remade when it expires
# within a day), so the bench's STARTTLS phases run against it as against Yubin.
#
# BENCH_PEERS_RELAY="b.test=smtp:[127.0.0.3]:16025" (bench/relay.sh) adds a relay route for a domain.
#
# Usage: peers.sh install|start|stop|status|bench   (as root; install uses apt-get)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${PEERS_DIR:-$here/../../shared/peers}"
[[ -d "$shared" ]] || shared=/work/shared/peers
export PEERS_HOME="${BENCH_PEERS_HOME:-/tmp/yubin-bench-peers}"
gen="$PEERS_HOME/scripts"

shift_ports() {
  sed -e 's/127\.0\.0\.1:2525/127.0.0.1:16525/g' \
      -e 's/127\.0\.0\.1\]:2526/127.0.0.1]:16526/g' \
      -e 's/127\.0\.0\.1:2526/127.0.0.1:16526/g' \
      -e 's/port = 1143/port = 16143/' \
      -e 's/port = 1110/port = 16111/' \
      -e 's/port = 1024/port = 16124/' \
      -e 's/127\.0\.0\.1:1024/127.0.0.1:16124/g' \
      -e 's/port=5353/port=16353/' \
      -e 's/-p 5353/-p 16353/' \
      -e 's#/dev/tcp/127\.0\.0\.1/2525#/dev/tcp/127.0.0.1/16525#' \
      -e 's#/dev/tcp/127\.0\.0\.1/1143#/dev/tcp/127.0.0.1/16143#' \
      -e 's/(2525|1143|1110|1024|5353)/(16525|16143|16111|16124|16353)/' \
      -e 's/instance_name = peers-dovecot/instance_name = bench-peers-dovecot/' \
      "$1"
}

# Dovecot runs an imap process per session: bench/imap.sh holds 2,000 IDLE sessions, so the copy
# allows 2,100 of them (the shared setup: 1,024), and its log, anvil and auth services as many clients.
raise_limits() {
  sed -e '/^service imap {$/,/^}$/s/process_limit = 1024/process_limit = 2100/' \
      -e 's/^default_client_limit = 2000$/default_client_limit = 4500/' "$1"
}

tls="$PEERS_HOME/tls"

# A self-signed certificate for Postfix's STARTTLS (the same key type as Yubin's default one).
make_certificate() {
  mkdir -p "$tls"
  if [[ -s "$tls/cert.pem" && -s "$tls/key.pem" ]] \
      && openssl x509 -checkend 86400 -noout -in "$tls/cert.pem" >/dev/null 2>&1; then
    return
  fi
  (umask 077 && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -days 30 -subj /CN=bench.peer -keyout "$tls/key.pem" -out "$tls/cert.pem" 2>/dev/null)
  chmod 600 "$tls/key.pem"
  chmod 644 "$tls/cert.pem"
}

# Postfix's main.cf in the copy gets STARTTLS after its last line (smtpd_banner).
add_tls() {
  sed -e '/^smtpd_banner = /a\
# bench/peers.sh: STARTTLS with a self-signed certificate\
smtpd_tls_cert_file = '"$tls"'/cert.pem\
smtpd_tls_key_file = '"$tls"'/key.pem\
smtpd_tls_security_level = may\
smtpd_tls_loglevel = 0' "$1"
}

# With BENCH_PEERS_RELAY="domain=transport" (bench/relay.sh), Postfix also relays that domain by
# that route, and offers STARTTLS to the next hop as Yubin's relay does.
add_relay() {
  if [[ -z "${BENCH_PEERS_RELAY:-}" ]]; then
    cat "$1"
    return
  fi
  local domain="${BENCH_PEERS_RELAY%%=*}" route="${BENCH_PEERS_RELAY#*=}"
  sed -e '/^smtpd_tls_loglevel = 0$/a\
# bench/peers.sh: relay '"$domain"' for bench/relay.sh\
relay_domains = sink.test '"$domain"'\
transport_maps = inline:{ sink.test=smtp:[127.0.0.1]:16526, '"$domain"'='"$route"' }\
smtp_tls_security_level = may' "$1"
}

generate() {
  mkdir -p "$gen"
  shift_ports "$shared/setup-peers.sh" | raise_limits /dev/stdin | add_tls /dev/stdin | add_relay /dev/stdin \
    > "$gen/setup-peers.sh"
  shift_ports "$shared/bench-smtp-peers.sh" > "$gen/bench-smtp-peers.sh"
  chmod +x "$gen"/*.sh
  # Refuse to run a copy that still names a default port.
  if grep -nE '(127\.0\.0\.1[:\]]+|port ?= ?)(2525|2526|1143|1110|1024|5353)\b' "$gen"/*.sh; then
    echo "peers.sh: a default port survived the shift; not starting" >&2
    exit 1
  fi
  if ! grep -q '^  process_limit = 2100$' "$gen/setup-peers.sh"; then
    echo "peers.sh: could not raise Dovecot's imap process limit; not starting" >&2
    exit 1
  fi
  if ! grep -q '^smtpd_tls_security_level = may$' "$gen/setup-peers.sh"; then
    echo "peers.sh: could not add STARTTLS to the Postfix configuration; not starting" >&2
    exit 1
  fi
  if [[ -n "${BENCH_PEERS_RELAY:-}" ]] && ! grep -q '^smtp_tls_security_level = may$' "$gen/setup-peers.sh"; then
    echo "peers.sh: could not add the relay route to the Postfix configuration; not starting" >&2
    exit 1
  fi
}

case "${1:-}" in
  install) bash "$shared/setup-peers.sh" install ;;
  start) generate; make_certificate; "$gen/setup-peers.sh" start ;;
  stop) [[ -x "$gen/setup-peers.sh" ]] && "$gen/setup-peers.sh" stop || true ;;
  status) generate; "$gen/setup-peers.sh" status ;;
  bench) generate; "$gen/bench-smtp-peers.sh" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
