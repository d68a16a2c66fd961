package dev.yubin.ejb.mailbox.domain;

/** How to change flags: set exactly, add, or remove {@code flags}. */
public record FlagChange(Mode mode, Flags flags) {

  public enum Mode {
    REPLACE,
    ADD,
    REMOVE
  }
}
