package dev.yubin.protocol.pop3;

import java.io.InputStream;

/** Fetches the content RETR and TOP send. */
final class MessageContent {

  private MessageContent() {}

  /** The message's content; a message the store no longer has is an error, not the client's. */
  static InputStream retrieve(Pop3Session session, OpenMaildrop.Numbered message) {
    InputStream content =
        session.backend().retrieve(session.maildrop().principal(), message.message().id());
    if (content == null) {
      throw Pop3CommandException.notClientFault("message no longer exists");
    }
    return content;
  }
}
