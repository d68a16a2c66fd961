package dev.yubin.web.interfaces.webmail.render;

/** The addresses under which the page of one message serves its parts. */
public interface MessageLinks {

  /** The part as a download (Content-Disposition: attachment). */
  String download(String path);

  /** An image part, for {@code <img src>} on our pages. */
  String image(String path);

  /** An HTML part washed, as a document for a sandboxed frame. */
  String html(String path, boolean remoteContent);
}
