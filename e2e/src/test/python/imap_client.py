#!/usr/bin/env python3
"""Runs an IMAP session with Python's imaplib, as an independent IMAP4rev1 client.

Usage: imap_client.py [--ssl | --starttls] HOST PORT USER PASSWORD ACTION...

The server's certificate is not verified (the test servers' certificates are self-signed).
Actions, run in order, each printing one line (untagged data as imaplib returns it, in repr):
  capability                 CAPABILITY <caps>
  list                       LIST <one line per mailbox: flags "delim" name>
  select:MBOX                SELECT <EXISTS> <UIDVALIDITY>
  examine:MBOX               EXAMINE <EXISTS>
  create:MBOX / delete:MBOX / rename:OLD:NEW / subscribe:MBOX    <VERB> <OK|NO> <text>
  status:MBOX:ITEMS          STATUS <response>
  fetch:SET:ITEMS            FETCH <repr of the data>
  uidfetch:SET:ITEMS         UIDFETCH <repr of the data>
  body:N:FILE                BODY <octets>; FILE gets BODY.PEEK[] of message N exactly
  store:SET:OP:FLAGS         STORE <repr of the data>  (OP is +FLAGS, -FLAGS or FLAGS)
  copy:SET:MBOX / move:SET:MBOX   COPY|MOVE <OK|NO> <response code and text>
  append:MBOX:FLAGS:FILE     APPEND <OK|NO> <response code and text>
  search:CRITERIA            SEARCH <numbers>
  uidsearch:CRITERIA         UIDSEARCH <uids>
  expunge                    EXPUNGE <numbers>
  idle:SECONDS               IDLE <the first untagged line within SECONDS, or TIMEOUT>
  noop                       NOOP <repr of untagged data>
  logout                     LOGOUT <response>
A failed login prints "LOGIN-NO <text>" and exits with 3.
"""
import imaplib
import select
import ssl
import sys


def ok(typ, data):
    return typ + " " + " ".join(d.decode("utf-8", "replace") if isinstance(d, bytes) else repr(d) for d in data if d is not None)


def main():
    args = sys.argv[1:]
    mode = args[0] if args[:1] in (["--ssl"], ["--starttls"]) else None
    if mode:
        args = args[1:]
    host, port, user, password, *actions = args
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if mode == "--ssl":
        imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=context, timeout=60)
    else:
        imap = imaplib.IMAP4(host, int(port), timeout=60)
        if mode == "--starttls":
            imap.starttls(ssl_context=context)
    try:
        imap.login(user, password)
    except imaplib.IMAP4.error as e:
        print("LOGIN-NO " + str(e), flush=True)
        sys.exit(3)
    for action in actions:
        verb, *rest = action.split(":", 1)
        arg = rest[0] if rest else ""
        if verb == "capability":
            print("CAPABILITY " + " ".join(imap.capabilities), flush=True)
        elif verb == "list":
            typ, data = imap.list()
            print("LIST " + " | ".join(d.decode("utf-8") for d in data), flush=True)
        elif verb in ("select", "examine"):
            typ, data = imap.select(arg, readonly=(verb == "examine"))
            if typ != "OK":
                print(verb.upper() + " NO " + ok(typ, data), flush=True)
                continue
            validity = imap.untagged_responses.get("UIDVALIDITY", [b"?"])[0].decode()
            print(verb.upper() + " " + data[0].decode() + " " + validity, flush=True)
        elif verb in ("create", "delete", "subscribe"):
            typ, data = getattr(imap, verb)(arg)
            print(verb.upper() + " " + ok(typ, data), flush=True)
        elif verb == "rename":
            old, new = arg.split(":", 1)
            typ, data = imap.rename(old, new)
            print("RENAME " + ok(typ, data), flush=True)
        elif verb == "status":
            mailbox, items = arg.split(":", 1)
            typ, data = imap.status(mailbox, items)
            print("STATUS " + ok(typ, data), flush=True)
        elif verb in ("fetch", "uidfetch"):
            which, items = arg.split(":", 1)
            if verb == "fetch":
                typ, data = imap.fetch(which, items)
            else:
                typ, data = imap.uid("FETCH", which, items)
            print(verb.upper() + " " + repr(data), flush=True)
        elif verb == "body":
            number, path = arg.split(":", 1)
            typ, data = imap.fetch(number, "(BODY.PEEK[])")
            content = data[0][1]
            with open(path, "wb") as f:
                f.write(content)
            print("BODY " + str(len(content)), flush=True)
        elif verb == "store":
            which, op, flags = arg.split(":", 2)
            typ, data = imap.store(which, op, flags)
            print("STORE " + repr(data), flush=True)
        elif verb in ("copy", "move"):
            which, mailbox = arg.split(":", 1)
            typ, data = imap._simple_command(verb.upper(), which, imap._quote(mailbox)) if verb == "move" else imap.copy(which, mailbox)
            print(verb.upper() + " " + typ + " " + repr(data) + " " + repr(imap.untagged_responses.get("COPYUID")), flush=True)
        elif verb == "append":
            mailbox, flags, path = arg.split(":", 2)
            with open(path, "rb") as f:
                content = f.read()
            typ, data = imap.append(mailbox, flags or None, None, content)
            print("APPEND " + ok(typ, data), flush=True)
        elif verb in ("search", "uidsearch"):
            if not arg.isascii():
                # imaplib sends str arguments as ASCII: the last word goes as a literal instead
                arg, word = arg.rsplit(" ", 1)
                imap.literal = word.encode("utf-8")
            if verb == "search":
                typ, data = imap.search("UTF-8", arg)
            else:
                typ, data = imap.uid("SEARCH", "CHARSET", "UTF-8", arg)
            print(verb.upper() + " " + ok(typ, data), flush=True)
        elif verb == "expunge":
            typ, data = imap.expunge()
            print("EXPUNGE " + ok(typ, data), flush=True)
        elif verb == "noop":
            typ, data = imap.noop()
            print("NOOP " + repr(imap.untagged_responses), flush=True)
        elif verb == "idle":
            tag = imap._new_tag().decode()
            imap.send(("%s IDLE\r\n" % tag).encode())
            cont = imap.readline()
            sock = imap.socket()
            ready, _, _ = select.select([sock], [], [], float(arg))
            line = imap.readline().decode().strip() if ready else "TIMEOUT"
            imap.send(b"DONE\r\n")
            while True:
                done = imap.readline().decode()
                if done.startswith(tag):
                    break
            print("IDLE " + line, flush=True)
        elif verb == "logout":
            typ, data = imap.logout()
            print("LOGOUT " + typ, flush=True)
            return
        else:
            raise SystemExit("unknown action " + action)


if __name__ == "__main__":
    main()
