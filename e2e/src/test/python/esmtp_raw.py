#!/usr/bin/env python3
"""ESMTP over a raw socket, for what smtplib cannot do: AUTH SCRAM-SHA-256 and BDAT.

Usage:
  esmtp_raw.py scram HOST PORT USER PASSWORD [--initial|--no-initial] [--from SENDER]
      STARTTLS, then AUTH SCRAM-SHA-256 as RFC 5802 and RFC 7677 describe it, computed here with
      hashlib (PBKDF2-HMAC-SHA256, HMAC, SHA-256); the server's signature is checked. With
      --from, a MAIL FROM follows, which only an authenticated session gets 250 for.
  esmtp_raw.py bdat HOST PORT USER PASSWORD SENDER RECIPIENT FILE CHUNKS
      STARTTLS, AUTH PLAIN, MAIL, RCPT, then the file's bytes in CHUNKS BDAT chunks, the last
      one with LAST. No dot-stuffing: BDAT counts octets.

The servers' certificates are self-signed: nothing is verified. Prints one line per step:
  SERVER-FIRST <iterations> <nonce-extends-ours:True|False>
  SERVER-SIGNATURE verified|MISMATCH|none
  AUTH <code> <text>          (the final reply to AUTH)
  MAIL <code> <text>, RCPT <code> <text>, BDAT <n> <code> <text>
"""
import base64
import hashlib
import hmac
import os
import socket
import ssl
import sys


class Connection:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=60)
        self.reader = self.sock.makefile("rb")

    def send(self, data):
        self.sock.sendall(data)

    def line(self, text):
        self.send(text.encode("utf-8") + b"\r\n")

    def reply(self):
        """(code, text of the last line); lines of a multi-line reply are joined by LF."""
        lines = []
        while True:
            raw = self.reader.readline()
            if not raw:
                raise SystemExit("connection closed; read so far: %r" % lines)
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            lines.append(line)
            if len(line) < 4 or line[3] != "-":
                return int(line[:3]), "\n".join(l[4:] for l in lines)

    def command(self, text):
        self.line(text)
        return self.reply()

    def starttls(self):
        code, text = self.reply()
        assert code == 220, f"greeting {code} {text}"
        code, text = self.command("EHLO raw.e2e.test")
        assert code == 250, f"EHLO {code} {text}"
        code, text = self.command("STARTTLS")
        assert code == 220, f"STARTTLS {code} {text}"
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock = ctx.wrap_socket(self.sock)
        self.reader = self.sock.makefile("rb")
        code, text = self.command("EHLO raw.e2e.test")
        assert code == 250, f"EHLO after TLS {code} {text}"
        return text


def say(*words):
    print(" ".join(str(w) for w in words), flush=True)


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.b64encode(data).decode("ascii")


def sasl_name(user):
    return user.replace("=", "=3D").replace(",", "=2C")


def scram(conn, user, password, initial=True):
    """AUTH SCRAM-SHA-256 (RFC 5802 §3, RFC 7677); answers the final (code, text)."""
    client_nonce = b64(os.urandom(18))
    gs2_header = "n,,"
    client_first_bare = f"n={sasl_name(user)},r={client_nonce}"
    if initial:
        code, text = conn.command("AUTH SCRAM-SHA-256 " + b64(gs2_header + client_first_bare))
    else:
        code, text = conn.command("AUTH SCRAM-SHA-256")
        if code != 334:
            return code, text
        code, text = conn.command(b64(gs2_header + client_first_bare))
    if code != 334:
        return code, text
    server_first = base64.b64decode(text).decode("utf-8")
    attributes = dict(item.split("=", 1) for item in server_first.split(","))
    nonce = attributes["r"]
    salt = base64.b64decode(attributes["s"])
    iterations = int(attributes["i"])
    say("SERVER-FIRST", iterations, nonce.startswith(client_nonce) and nonce != client_nonce)

    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    without_proof = f"c={b64(gs2_header)},r={nonce}"
    auth_message = f"{client_first_bare},{server_first},{without_proof}".encode("utf-8")
    client_signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, client_signature))
    code, text = conn.command(b64(f"{without_proof},p={b64(proof)}"))
    if code != 334:
        say("SERVER-SIGNATURE none")
        return code, text
    server_final = base64.b64decode(text).decode("utf-8")
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    expected = "v=" + b64(hmac.new(server_key, auth_message, hashlib.sha256).digest())
    if hmac.compare_digest(server_final, expected):
        say("SERVER-SIGNATURE verified")
        return conn.command("")
    say("SERVER-SIGNATURE MISMATCH", server_final)
    return conn.command("*")  # RFC 4954 §4: the client cancels


def main():
    mode, host, port, user, password, *rest = sys.argv[1:]
    conn = Connection(host, int(port))
    conn.starttls()
    if mode == "scram":
        initial = "--no-initial" not in rest
        code, text = scram(conn, user, password, initial)
        say("AUTH", code, text)
        if "--from" in rest:
            sender = rest[rest.index("--from") + 1]
            say("MAIL", *conn.command(f"MAIL FROM:<{sender}>"))
    elif mode == "bdat":
        sender, recipient, path, chunks = rest
        code, text = conn.command("AUTH PLAIN " + b64(f"\0{user}\0{password}"))
        say("AUTH", code, text)
        say("MAIL", *conn.command(f"MAIL FROM:<{sender}>"))
        say("RCPT", *conn.command(f"RCPT TO:<{recipient}>"))
        with open(path, "rb") as f:
            data = f.read()
        count = int(chunks)
        size = -(-len(data) // count)
        pieces = [data[i : i + size] for i in range(0, len(data), size)]
        for number, piece in enumerate(pieces, start=1):
            last = " LAST" if number == len(pieces) else ""
            conn.send(f"BDAT {len(piece)}{last}\r\n".encode("ascii") + piece)
            say("BDAT", number, *conn.reply())
    else:
        raise SystemExit(f"unknown mode {mode}")
    say("QUIT", *conn.command("QUIT"))


if __name__ == "__main__":
    main()
