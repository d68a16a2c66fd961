#!/usr/bin/env python3
"""Sends one message with Python's smtplib, as an independent SMTP client.

Usage: smtp_send.py HOST PORT SENDER MESSAGE_FILE RECIPIENT...

The message file holds the exact bytes to send (CRLF line ends); smtplib dot-stuffs them.
BODY=8BITMIME is declared when the server offers 8BITMIME. Prints one line per step:
  EHLO <code>
  8BITMIME <True|False>
  MAIL <code> <text>
  RCPT <address> <code> <text>
  DATA <code> <text>        (the reply to the end of data, or to DATA when it was refused)
"""
import smtplib
import sys


def main():
    host, port, sender, path, *recipients = sys.argv[1:]
    with open(path, "rb") as f:
        data = f.read()
    with smtplib.SMTP(host, int(port), local_hostname="client.e2e.test", timeout=60) as smtp:
        code, _ = smtp.ehlo()
        print(f"EHLO {code}")
        eight_bit = smtp.has_extn("8bitmime")
        print(f"8BITMIME {eight_bit}")
        code, text = smtp.mail(sender, ["BODY=8BITMIME"] if eight_bit else [])
        print(f"MAIL {code} {text.decode()}")
        for recipient in recipients:
            code, text = smtp.rcpt(recipient)
            print(f"RCPT {recipient} {code} {text.decode()}")
        try:
            code, text = smtp.data(data)
        except smtplib.SMTPDataError as e:
            code, text = e.smtp_code, e.smtp_error
        print(f"DATA {code} {text.decode()}", flush=True)


if __name__ == "__main__":
    main()
