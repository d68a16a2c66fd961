package dev.yubin.ejb.kernel;

/** What a failure report returns of the original (RFC 3461 §4.3, RET): all of it, or its header. */
public enum Ret {
  FULL,
  HDRS
}
