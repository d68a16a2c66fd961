package dev.yubin.protocol.imap.backend;

/** How STORE changes flags: FLAGS, +FLAGS or -FLAGS. */
public enum StoreMode {
  REPLACE,
  ADD,
  REMOVE
}
