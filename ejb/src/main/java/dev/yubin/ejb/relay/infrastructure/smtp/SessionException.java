package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.protocol.Reply;

/** Ends a session: how, the reply to give the recipients still open, and whose reply it is. */
final class SessionException extends Exception {

  private static final long serialVersionUID = 1L;

  final ConnectionOutcome outcome;
  final transient Reply reply;
  final boolean remote;
  final boolean permanent;

  SessionException(ConnectionOutcome outcome, Reply reply, boolean remote, boolean permanent) {
    super(reply.toString(), null, false, false);
    this.outcome = outcome;
    this.reply = reply;
    this.remote = remote;
    this.permanent = permanent;
  }

  static SessionException local(ConnectionOutcome outcome, int code, String status, String text) {
    return new SessionException(outcome, Reply.of(code, status, text), false, false);
  }

  DeliveryStatus status() {
    return permanent ? DeliveryStatus.FAILED : DeliveryStatus.DEFERRED;
  }
}
