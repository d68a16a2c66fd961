#!/usr/bin/env python3
"""Runs a POP3 session with Python's poplib, as an independent POP3 client.

Usage: pop3_client.py [--ssl | --stls] HOST PORT USER PASSWORD ACTION...

--ssl: POP3 over implicit TLS (POP3_SSL); --stls: plain POP3 upgraded with STLS (RFC 2595) before
login, after printing "CAPA <tags>" of the clear session. The server's certificate is not verified
(the test servers' certificates are self-signed).

Actions, run in order, each printing one line:
  capa              CAPA <tags>
  stat              STAT <count> <size>
  uidl              UIDL <n>:<uid> ...
  retr:N:FILE       RETR <n> <octets>; FILE gets the message bytes exactly as retrieved
                    (dot-unstuffed, every line ended by CRLF)
  retrall:DIR       RETRALL <count>; DIR/1.eml, DIR/2.eml ... as for retr
  top:N:L:FILE      TOP <n> <lines>; FILE gets the header and L body lines
  dele:N            DELE <n> <response>
  rset              RSET <response>
  quit              QUIT <response>   (deletions take effect here)
  drop              DROP              (closes the connection without QUIT)
A failed login prints "LOGIN-ERR <response>" and exits with 3; any other -ERR exits with 4.
"""
import os
import poplib
import ssl
import sys


def message_bytes(lines):
    return b"".join(line + b"\r\n" for line in lines)


def print_capa(pop):
    print("CAPA " + " ".join(sorted(pop.capa())), flush=True)


def main():
    args = sys.argv[1:]
    mode = args[0] if args[:1] in (["--ssl"], ["--stls"]) else None
    if mode:
        args = args[1:]
    host, port, user, password, *actions = args
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if mode == "--ssl":
        pop = poplib.POP3_SSL(host, int(port), timeout=60, context=context)
    else:
        pop = poplib.POP3(host, int(port), timeout=60)
    if mode == "--stls":
        print_capa(pop)
        pop.stls(context=context)
    try:
        pop.user(user)
        pop.pass_(password)
    except poplib.error_proto as e:
        print(f"LOGIN-ERR {e.args[0].decode(errors='replace')}", flush=True)
        pop.close()
        sys.exit(3)
    try:
        for action in actions:
            name, *args = action.split(":", 3)
            if name == "capa":
                print_capa(pop)
            elif name == "stat":
                count, size = pop.stat()
                print(f"STAT {count} {size}")
            elif name == "uidl":
                _, listing, _ = pop.uidl()
                print("UIDL " + " ".join(item.decode().replace(" ", ":") for item in listing))
            elif name == "retr":
                number, path = args
                _, lines, octets = pop.retr(int(number))
                with open(path, "wb") as f:
                    f.write(message_bytes(lines))
                print(f"RETR {number} {octets}")
            elif name == "retrall":
                (directory,) = args
                os.makedirs(directory, exist_ok=True)
                count, _ = pop.stat()
                for number in range(1, count + 1):
                    _, lines, _ = pop.retr(number)
                    with open(os.path.join(directory, f"{number}.eml"), "wb") as f:
                        f.write(message_bytes(lines))
                print(f"RETRALL {count}")
            elif name == "top":
                number, count, path = args
                _, lines, _ = pop.top(int(number), int(count))
                with open(path, "wb") as f:
                    f.write(message_bytes(lines))
                print(f"TOP {number} {count}")
            elif name == "dele":
                (number,) = args
                print(f"DELE {number} {pop.dele(int(number)).decode()}")
            elif name == "rset":
                print(f"RSET {pop.rset().decode()}")
            elif name == "quit":
                print(f"QUIT {pop.quit().decode()}")
                return
            elif name == "drop":
                pop.close()
                print("DROP")
                return
            else:
                raise SystemExit(f"unknown action {action}")
            sys.stdout.flush()
        pop.quit()
    except poplib.error_proto as e:
        print(f"ERR {e.args[0].decode(errors='replace')}", flush=True)
        pop.close()
        sys.exit(4)


if __name__ == "__main__":
    main()
