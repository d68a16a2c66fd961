#!/usr/bin/env python3
"""Records Dovecot's BODYSTRUCTURE, ENVELOPE and RFC822.SIZE for each message of corpus/.

Usage: capture-dovecot.py HOST PORT USER PASSWORD
Appends every corpus/*.eml to a fresh mailbox "golden" and writes dovecot/NAME.txt: the untagged
FETCH response as Dovecot sent it (literals inline as {n}CRLF<octets>), without "* n " and the final
CRLF. imaplib's APPEND turns bare LF into CRLF, as Dovecot would count it anyway (virtual size).
"""
import glob
import imaplib
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
imap = imaplib.IMAP4(host, port)
imap.login(user, password)
imap.delete("golden")
imap.create("golden")
imap.select("golden")
names = sorted(glob.glob(os.path.join(here, "corpus", "*.eml")))
for seq, path in enumerate(names, start=1):
    with open(path, "rb") as f:
        typ, _ = imap.append("golden", None, None, f.read())
    assert typ == "OK", path
imap.select("golden")
for seq, path in enumerate(names, start=1):
    typ, data = imap.fetch(str(seq), "(RFC822.SIZE ENVELOPE BODYSTRUCTURE)")
    assert typ == "OK", path
    raw = b""
    for item in data:
        if isinstance(item, tuple):
            raw += item[0] + b"\r\n" + item[1]
        else:
            raw += item
    name = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(here, "dovecot", name + ".txt"), "wb") as f:
        f.write(raw)
print(imap.capability()[1][0].decode())
imap.logout()
