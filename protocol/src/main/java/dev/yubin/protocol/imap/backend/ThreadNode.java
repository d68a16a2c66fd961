package dev.yubin.protocol.imap.backend;

import java.util.List;

/**
 * A message in a thread and its replies, in order; {@code uid} 0 stands for a missing parent whose
 * children are siblings (RFC 5256 §4, the "(3 6 (4 23)(44 7 96))" and "((3)(5))" forms).
 */
public record ThreadNode(long uid, List<ThreadNode> children) {

  public ThreadNode {
    children = List.copyOf(children);
  }
}
