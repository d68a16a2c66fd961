#!/usr/bin/env python3
"""A plain SMTP server that takes every message and offers no extension but 8BITMIME: a next hop
without DSN, PIPELINING or STARTTLS, as old or minimal MTAs are.

Usage: smtp_sink.py HOST EVENTS_FILE

Prints "PORT <n>" once it listens (on a free port), then appends one line per event to
EVENTS_FILE, flushed at once: CONNECT, MAIL <args>, RCPT <args>, DATA <octets>, RSET, QUIT.
The content of each message, exactly as it came between DATA and the final ".", dot-stuffing
and all, goes to data-<n>.raw beside EVENTS_FILE (n = 1, 2, ...) before its DATA event.
Runs until killed.
"""
import os
import socketserver
import sys
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
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink.test")
            elif verb in ("MAIL", "RCPT"):
                record(events, verb + " " + line.split(" ", 1)[1])
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
                record(events, f"DATA {len(content)}")
                self.reply("250 2.0.0 queued")
            elif verb == "RSET":
                record(events, "RSET")
                self.reply("250 2.0.0 ok")
            elif verb == "NOOP":
                self.reply("250 2.0.0 ok")
            elif verb == "QUIT":
                record(events, "QUIT")
                self.reply("221 2.0.0 bye")
                return
            else:
                self.reply("502 5.5.2 not implemented")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    host, events = sys.argv[1:]
    server = Server((host, 0), Session)
    server.events = events
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
