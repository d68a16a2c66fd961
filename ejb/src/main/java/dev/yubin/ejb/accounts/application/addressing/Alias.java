package dev.yubin.ejb.accounts.application.addressing;

import java.util.List;

/** An alias as the admin sees it: its address and its targets, normalized. */
public record Alias(String address, List<String> targets) {

  public Alias {
    targets = List.copyOf(targets);
  }
}
