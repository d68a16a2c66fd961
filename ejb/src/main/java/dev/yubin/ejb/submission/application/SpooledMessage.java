package dev.yubin.ejb.submission.application;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A message's content on its way in, held in the spool until submission has stored or queued it (a
 * port: a spool file in production). Its queue id names it in trace fields and logs.
 */
public interface SpooledMessage {

  String queueId();

  /** Creates the content to be written by the caller (a message written here, e.g. a report). */
  OutputStream newOutputStream() throws IOException;

  /** Finishes writing; the content is then readable at the returned path. */
  Path finish();

  /** Removes the content; submission calls it once the message is stored, queued or refused. */
  void discard();
}
