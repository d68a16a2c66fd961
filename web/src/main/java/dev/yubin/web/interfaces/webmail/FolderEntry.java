package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.mailbox.application.MailboxInfo;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.SpecialUse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A folder in the tree: its id, full name, the last level of its name, its depth, unread count and
 * special use (in lower case, for the view's label key), or "" when none.
 */
public record FolderEntry(long id, String name, String label, int depth, long unread, String use) {

  public boolean isSpecial() {
    return !use.isEmpty();
  }

  /** A CSS class for the indentation of this depth (0 to 5). */
  public String indent() {
    return "depth-" + Math.min(depth, 5);
  }

  static FolderEntry of(MailboxInfo info, long unread) {
    String name = info.name();
    int depth = (int) name.chars().filter(c -> c == Mailbox.DELIMITER).count();
    String label = name.substring(name.lastIndexOf(Mailbox.DELIMITER) + 1);
    String use =
        name.equals(Mailbox.INBOX)
            ? "inbox"
            : info.specialUse() == null ? "" : info.specialUse().name().toLowerCase(Locale.ROOT);
    return new FolderEntry(info.id(), name, label, depth, unread, use);
  }

  /**
   * INBOX, then the special-use folders in a fixed order (Sent, Drafts, Trash, Junk, Archive), then
   * the others by name, so that each comes right after its parent.
   */
  static List<FolderEntry> ordered(List<FolderEntry> folders) {
    List<FolderEntry> sorted = new ArrayList<>(folders);
    sorted.sort(Comparator.comparingInt(FolderEntry::rank).thenComparing(FolderEntry::sortKey));
    return sorted;
  }

  private int rank() {
    if (use.equals("inbox") && depth == 0) {
      return 0;
    }
    if (isSpecial()) {
      return 1 + SpecialUse.valueOf(use.toUpperCase(Locale.ROOT)).ordinal();
    }
    return 100;
  }

  /** The name with the delimiter sorting before every other character. */
  private String sortKey() {
    return name.replace(Mailbox.DELIMITER, '\u0000');
  }
}
