package dev.yubin.protocol.imap;

/** RFC 3501 §3: the connection's state. */
public enum ImapState {
  NOT_AUTHENTICATED,
  AUTHENTICATED,
  SELECTED,
  LOGOUT
}
