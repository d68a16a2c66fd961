package dev.yubin.ejb.submission.application;

/** Where messages wait while they come in (a port: the data directory's spool in production). */
public interface Spool {

  /** A new, empty message with a fresh queue id. */
  SpooledMessage newMessage();
}
