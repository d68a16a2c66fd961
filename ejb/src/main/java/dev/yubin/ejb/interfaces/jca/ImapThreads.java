package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.mailbox.application.IndexedMessage;
import dev.yubin.protocol.imap.backend.OrderedSubjectThreads;
import dev.yubin.protocol.imap.backend.ReferenceThreads;
import dev.yubin.protocol.imap.backend.ThreadAlgorithm;
import dev.yubin.protocol.imap.backend.ThreadMessage;
import dev.yubin.protocol.imap.backend.ThreadNode;
import java.util.ArrayList;
import java.util.List;

/**
 * THREAD over the store's messages: their stored Message-ID, References, In-Reply-To, subject and
 * sent date handed to the engine's threading algorithms (RFC 5256 §3).
 */
final class ImapThreads {

  private ImapThreads() {}

  /** The threads of {@code messages}, which come in mailbox (UID) order. */
  static List<ThreadNode> of(List<IndexedMessage> messages, ThreadAlgorithm algorithm) {
    List<ThreadMessage> threadable = new ArrayList<>(messages.size());
    for (IndexedMessage message : messages) {
      IndexedMessage.Fields fields = message.fields();
      List<String> ids = ThreadMessage.messageIds(fields.messageId());
      threadable.add(
          new ThreadMessage(
              message.uid(),
              ids.isEmpty() ? null : ids.get(0),
              ThreadMessage.references(fields.references(), fields.inReplyTo()),
              fields.subject(),
              message.sent()));
    }
    return algorithm == ThreadAlgorithm.REFERENCES
        ? ReferenceThreads.of(threadable)
        : OrderedSubjectThreads.of(threadable);
  }
}
