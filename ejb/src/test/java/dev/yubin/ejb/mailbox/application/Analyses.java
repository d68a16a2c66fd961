package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.mime.SearchFields;
import java.util.List;

/** What a fake analyzer answers: a structure and search fields that name the message. */
final class Analyses {

  private Analyses() {}

  static MessageAnalyzer.Analysis of(byte[] structure, String subject) {
    return new MessageAnalyzer.Analysis(
        structure,
        new SearchFields(
            subject, null, null, null, null, null, null, null, List.of(), subject, false, "", "",
            "", "", ""));
  }
}
