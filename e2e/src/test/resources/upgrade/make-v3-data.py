#!/usr/bin/env python3
"""Makes v3-data.zip: a data directory written by Yubin before the mailbox store (schema V3).

Usage: make-v3-data.py OLD_CLONE OUT_ZIP
OLD_CLONE is a checkout of bd4d022 (the last commit before the store) with its distribution built
(mvn -B -o -q package -DskipTests). Boots it on a fresh data directory, adds two accounts through
the admin API, delivers five messages over SMTP with smtplib (plain, ISO-2022-JP, multipart with an
attachment), checks them over POP3, stops it with SIGTERM and zips the data directory (without
run/, Payara's working copy of the deployment, which every start makes again).
"""
import base64
import json
import os
import poplib
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

DOMAIN = "upgrade.e2e.test"
PASSWORD = "s3cret pass"
ADMIN = "e2e-admin-secret"
USERS = ["alice@" + DOMAIN, "bob@" + DOMAIN]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def crlf(*lines):
    return b"".join(line.encode("ascii") + b"\r\n" for line in lines)


def japanese(to, n):
    subject = base64.b64encode(("日本語の件名 %d" % n).encode("iso-2022-jp")).decode()
    body = ("こんにちは、郵便です。\r\n%d 通目\r\n" % n).encode("iso-2022-jp")
    return crlf(
        "From: Taro <taro@sender.example>",
        "To: <%s>" % to,
        "Subject: =?ISO-2022-JP?B?%s?=" % subject,
        "Message-ID: <jp-%d@sender.example>" % n,
        "Date: Tue, 1 Dec 2026 09:00:00 +0900",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=ISO-2022-JP",
        "Content-Transfer-Encoding: 7bit",
        "") + body


def multipart(to, n):
    attachment = base64.encodebytes(bytes(range(256)) * 4).decode().replace("\n", "\r\n")
    return crlf(
        "From: Taro <taro@sender.example>",
        "To: <%s>" % to,
        "Subject: report %d with an attachment" % n,
        "Message-ID: <mp-%d@sender.example>" % n,
        "Date: Tue, 1 Dec 2026 10:00:00 +0900",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b%d"' % n,
        "",
        "--b%d" % n,
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "The report is attached.",
        ".a line that starts with a dot",
        "--b%d" % n,
        'Content-Type: application/octet-stream; name="report.bin"',
        "Content-Transfer-Encoding: base64",
        'Content-Disposition: attachment; filename="report.bin"',
        "") + attachment.encode() + crlf("--b%d--" % n)


def plain(to, n):
    return crlf(
        "From: Taro <taro@sender.example>",
        "To: <%s>" % to,
        "Subject: plain %d" % n,
        "Message-ID: <plain-%d@sender.example>" % n,
        "Date: Tue, 1 Dec 2026 11:00:00 +0900",
        "",
        "Just text.")


def main():
    old, out = sys.argv[1:]
    work = tempfile.mkdtemp(prefix="v3-data-")
    data = os.path.join(work, "data")
    ports = {name: free_port() for name in
             ["SMTP", "POP3", "HTTP", "SUBMISSION", "SUBMISSIONS", "POP3S"]}
    env = {k: v for k, v in os.environ.items() if not k.startswith("YUBIN_")}
    env.update({"YUBIN_BIND": "127.0.0.1", "YUBIN_DATA_DIR": data,
                "YUBIN_HOSTNAME": "old.e2e.test", "YUBIN_DNS_SERVERS": "127.0.0.1:9",
                "YUBIN_DOMAINS": DOMAIN, "YUBIN_ADMIN_PASSWORD": ADMIN})
    env.update({"YUBIN_%s_PORT" % k: str(v) for k, v in ports.items()})
    log = open(os.path.join(work, "server.log"), "wb")
    server = subprocess.Popen([os.path.join(old, "yubin"), "run"], cwd=old, env=env,
                              stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        base = "http://127.0.0.1:%d" % ports["HTTP"]
        deadline = time.time() + 240
        while True:
            try:
                if urllib.request.urlopen(base + "/api/health", timeout=5).status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("old server did not start; see " + log.name)
            time.sleep(1)
        auth = "Basic " + base64.b64encode(("admin:" + ADMIN).encode()).decode()
        for user in USERS:
            request = urllib.request.Request(
                base + "/api/admin/users", method="POST",
                data=json.dumps({"address": user, "password": PASSWORD}).encode(),
                headers={"Content-Type": "application/json", "Authorization": auth})
            assert urllib.request.urlopen(request, timeout=30).status == 201
        alice, bob = USERS
        mail = [(alice, plain(alice, 1)), (alice, japanese(alice, 2)),
                (alice, multipart(alice, 3)), (bob, japanese(bob, 4)), (bob, multipart(bob, 5))]
        for to, message in mail:
            with smtplib.SMTP("127.0.0.1", ports["SMTP"], timeout=60) as smtp:
                smtp.sendmail("taro@sender.example", [to], message)
            time.sleep(1.1)  # distinct arrival seconds, so internal dates tell them apart
        for user, count in ((alice, 3), (bob, 2)):
            pop = poplib.POP3("127.0.0.1", ports["POP3"], timeout=60)
            pop.user(user)
            pop.pass_(PASSWORD)
            assert pop.stat()[0] == count, (user, pop.stat())
            print(user, pop.uidl()[1])
            pop.quit()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    shutil.rmtree(os.path.join(data, "run"), ignore_errors=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(data):
            for name in sorted(files):
                path = os.path.join(root, name)
                z.write(path, os.path.relpath(path, data))
    print("wrote", out, os.path.getsize(out), "bytes; server log", log.name)


if __name__ == "__main__":
    main()
