package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Translates flags between IMAP's spelling ({@code \Seen}, keywords) and the store's. */
final class ImapFlags {

  private ImapFlags() {}

  /** Store flags from IMAP flags; \Recent and unknown system flags are dropped. */
  static Flags toStore(Collection<String> flags) {
    EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
    List<String> keywords = new ArrayList<>();
    for (String flag : flags) {
      if (flag.startsWith("\\")) {
        String name = flag.substring(1).toUpperCase(Locale.ROOT);
        for (SystemFlag candidate : SystemFlag.values()) {
          if (candidate.name().equals(name)) {
            system.add(candidate);
          }
        }
      } else if (flag.length() <= Flags.MAX_KEYWORD) {
        keywords.add(flag);
      }
    }
    return Flags.of(system, keywords);
  }

  /** IMAP flags from store flags. */
  static Set<String> toImap(Flags flags) {
    Set<String> imap = new LinkedHashSet<>();
    for (SystemFlag flag : flags.system()) {
      String name = flag.name();
      imap.add("\\" + name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT));
    }
    imap.addAll(flags.keywords());
    return imap;
  }
}
