package dev.yubin.web.interfaces.webmail;

/** One line of a message list. */
public record MessageRow(
    long uid,
    String from,
    String subject,
    String date,
    String size,
    boolean seen,
    boolean flagged,
    boolean answered) {}
