#!/usr/bin/env python3
"""One ESMTP session with Python's smtplib: STARTTLS or implicit TLS, AUTH, one transaction.

Usage: esmtp_client.py HOST PORT [options]

  --tls starttls|implicit|none   starttls: SMTP + starttls(); implicit: SMTP_SSL (default none)
  --auth MECH                    AUTH after TLS: "login" lets smtplib's login() pick, PLAIN or
                                 LOGIN force that mechanism through smtp.auth()
  --user U --password P
  --from SENDER --to RCPT...     a transaction; without --from the session ends after AUTH
  --file MESSAGE                 the exact bytes for DATA (CRLF line ends; smtplib dot-stuffs)
  --mail-option OPT...           MAIL parameters, e.g. SMTPUTF8 BODY=8BITMIME SIZE=123
  --rcpt-option OPT...           parameters of every RCPT, e.g. NOTIFY=SUCCESS
  --source ADDRESS               connect from this local address (e.g. 127.0.0.2: another client)
  --timeout SECONDS              how long to wait for any reply (default 60)

An argument "utf8-hex:<hex>" stands for the UTF-8 text those octets spell (a JVM in the C locale
cannot pass non-ASCII arguments to a process). The servers' certificates are self-signed: nothing is verified. Prints one line per step:
  EHLO <code> <extension>|<extension>...      (the first EHLO, before any TLS)
  TLS <version>                               (after the handshake)
  EHLO-TLS <code> <extension>|...             (the EHLO after STARTTLS, or the first one on TLS)
  AUTH <code> <text>
  MAIL <code> <text>
  RCPT <address> <code> <text>
  DATA <code> <text>
  QUIT <code>
"""
import argparse
import smtplib
import ssl
import sys


def context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def extensions(smtp):
    lines = smtp.ehlo_resp.decode("utf-8", "replace").split("\n")[1:]
    return "|".join(line.strip() for line in lines)


def decoded(arg):
    prefix = "utf8-hex:"
    return bytes.fromhex(arg[len(prefix):]).decode("utf-8") if arg.startswith(prefix) else arg


def say(*words):
    print(" ".join(str(w) for w in words), flush=True)


def text(reply):
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--tls", default="none", choices=["none", "starttls", "implicit"])
    parser.add_argument("--auth")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--from", dest="sender")
    parser.add_argument("--to", nargs="*", default=[])
    parser.add_argument("--file")
    parser.add_argument("--mail-option", nargs="*", default=[])
    parser.add_argument("--rcpt-option", nargs="*", default=[])
    parser.add_argument("--source")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args([decoded(arg) for arg in sys.argv[1:]])

    connection = dict(
        local_hostname="client.e2e.test",
        timeout=args.timeout,
        source_address=(args.source, 0) if args.source else None,
    )
    if args.tls == "implicit":
        smtp = smtplib.SMTP_SSL(args.host, args.port, context=context(), **connection)
    else:
        smtp = smtplib.SMTP(args.host, args.port, **connection)
    code, _ = smtp.ehlo()
    if args.tls == "implicit":
        say("TLS", smtp.sock.version())
        say("EHLO-TLS", code, extensions(smtp))
    else:
        say("EHLO", code, extensions(smtp))
    if args.tls == "starttls":
        code, reply = smtp.starttls(context=context())
        say("TLS", smtp.sock.version())
        code, _ = smtp.ehlo()
        say("EHLO-TLS", code, extensions(smtp))

    if args.auth:
        try:
            if args.auth == "login":
                code, reply = smtp.login(args.user, args.password)
            else:
                smtp.user, smtp.password = args.user, args.password
                method = getattr(smtp, "auth_" + args.auth.lower().replace("-", "_"))
                code, reply = smtp.auth(args.auth, method)
        except smtplib.SMTPAuthenticationError as e:
            code, reply = e.smtp_code, e.smtp_error
        except smtplib.SMTPException as e:
            code, reply = 0, str(e)
        say("AUTH", code, text(reply))

    if args.sender is not None:
        try:
            code, reply = smtp.mail(args.sender, args.mail_option)
        except smtplib.SMTPException as e:
            code, reply = 0, str(e)
        say("MAIL", code, text(reply))
        accepted = 0
        for recipient in args.to:
            code, reply = smtp.rcpt(recipient, args.rcpt_option)
            say("RCPT", recipient, code, text(reply))
            accepted += 1 if code in (250, 251) else 0
        if args.file and accepted:
            with open(args.file, "rb") as f:
                data = f.read()
            try:
                code, reply = smtp.data(data)
            except smtplib.SMTPDataError as e:
                code, reply = e.smtp_code, e.smtp_error
            say("DATA", code, text(reply))
        elif args.file:
            # no recipient: what does the server say to DATA itself?
            code, reply = smtp.docmd("DATA")
            say("DATA", code, text(reply))
    code, _ = smtp.quit()
    say("QUIT", code)


if __name__ == "__main__":
    sys.exit(main())
