#!/usr/bin/env python3
"""A plain SMTP server that takes every message and offers no extension but 8BITMIME: a next hop
without DSN, PIPELINING or STARTTLS, as old or minimal MTAs are.

Usage: smtp_sink.py HOST EVENTS_FILE [--port N] [--cert CERT.pem --key KEY.pem]

Prints "PORT <n>" once it listens (on N, or a free port), then appends one line per event to
EVENTS_FILE, flushed at once: CONNECT, MAIL <args>, RCPT <args>, DATA <octets>, RSET, QUIT.
With a certificate and key it also offers STARTTLS (events STARTTLS, then TLS-FAILED if the
handshake fails); the events of a session under TLS start with "TLS ".
The content of each message, exactly as it came between DATA and the final ".", dot-stuffing
and all, goes to data-<n>.raw beside EVENTS_FILE (n = 1, 2, ...) before its DATA event.
Runs until killed.
"""
import argparse
import os
import socketserver
import ssl
import threading

lock = threading.Lock()
saved = [0]


def save(events, data):
    with lock:
        saved[0] += 1
        path = os.path.join(os.path.dirname(events), f"data-{saved[0]}.raw")
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.rename(path + ".part", path)


def record(path, line):
    with lock, open(path, "a") as f:
        f.write(line + "\n")


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        events = self.server.events
        tls = ""
        record(events, "CONNECT")
        self.reply("220 sink.test ESMTP sink")
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-sink.test")
                if self.server.tls and not tls:
                    self.reply("250-STARTTLS")
                self.reply("250 8BITMIME")
            elif verb == "STARTTLS" and self.server.tls and not tls:
                record(events, "STARTTLS")
                self.reply("220 2.0.0 ready")
                try:
                    secure = self.server.tls.wrap_socket(self.connection, server_side=True)
                except (ssl.SSLError, OSError):
                    record(events, "TLS-FAILED")
                    return
                self.connection = secure
                self.rfile = secure.makefile("rb")
                self.wfile = secure.makefile("wb")
                tls = "TLS "
            elif verb == "HELO":
                self.reply("250 sink.test")
            elif verb in ("MAIL", "RCPT"):
                record(events, tls + verb + " " + line.split(" ", 1)[1])
                self.reply("250 2.0.0 ok")
            elif verb == "DATA":
                self.reply("354 go ahead")
                content = bytearray()
                while True:
                    data = self.rfile.readline()
                    if not data or data == b".\r\n":
                        break
                    content += data
                save(events, bytes(content))
                record(events, f"{tls}DATA {len(content)}")
                self.reply("250 2.0.0 queued")
            elif verb == "RSET":
                record(events, tls + "RSET")
                self.reply("250 2.0.0 ok")
            elif verb == "NOOP":
                self.reply("250 2.0.0 ok")
            elif verb == "QUIT":
                record(events, tls + "QUIT")
                self.reply("221 2.0.0 bye")
                return
            else:
                self.reply("502 5.5.2 not implemented")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("events")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    server = Server((args.host, args.port), Session)
    server.events = args.events
    server.tls = None
    if args.cert:
        server.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.tls.load_cert_chain(args.cert, args.key)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
