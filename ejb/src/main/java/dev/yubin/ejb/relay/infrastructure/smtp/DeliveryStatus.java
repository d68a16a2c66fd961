package dev.yubin.ejb.relay.infrastructure.smtp;

/** What became of one recipient at one next hop. */
public enum DeliveryStatus {
  /** The next hop took responsibility (2xx after the data). */
  DELIVERED,
  /** Try again later or at another host: a 4xx, or the connection failed. */
  DEFERRED,
  /** The next hop refused for good (5xx), or the message cannot go there: bounce. */
  FAILED
}
