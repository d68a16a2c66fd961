package dev.yubin.protocol.imap.backend;

/** THREAD algorithms (RFC 5256 §3). */
public enum ThreadAlgorithm {
  ORDEREDSUBJECT,
  REFERENCES
}
