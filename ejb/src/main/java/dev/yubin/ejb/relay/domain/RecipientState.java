package dev.yubin.ejb.relay.domain;

/** Where one recipient of a queued message stands. */
public enum RecipientState {
  /** Not yet delivered; tried again at its next attempt time. */
  PENDING,
  /** Accepted by the next hop. */
  DELIVERED,
  /** Refused for good (5xx) or expired; the sender was told. */
  FAILED
}
