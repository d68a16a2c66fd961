package dev.yubin.protocol.imap.backend;

/** One SORT criterion (RFC 5256 §3, RFC 5957 DISPLAYFROM/DISPLAYTO). */
public record SortKey(Field field, boolean reverse) {

  public enum Field {
    ARRIVAL,
    CC,
    DATE,
    FROM,
    SIZE,
    SUBJECT,
    TO,
    DISPLAYFROM,
    DISPLAYTO
  }
}
