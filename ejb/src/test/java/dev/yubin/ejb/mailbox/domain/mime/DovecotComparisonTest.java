package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.mime.ImapValues.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus message, parsed by us and rendered by the IMAP engine, answers FETCH (RFC822.SIZE
 * ENVELOPE BODYSTRUCTURE) as Dovecot 2.3.19.1 did (its answers are recorded in mime/dovecot/ by
 * capture-dovecot.py). Both answers are read into value trees, so quoting choices do not matter.
 *
 * <p>Where we differ from Dovecot on purpose, the comparison normalizes: Dovecot returns media
 * types, subtypes and parameter names in the letter case they were written in; we return them in
 * lower case. RFC 2045 §5.1 makes all three case-insensitive, and clients compare them so. And
 * Dovecot writes a single Content-Language tag as a list of one, the engine as a string; RFC 3501
 * §9 ({@code body-fld-lang}) allows both.
 */
class DovecotComparisonTest {

  static List<String> names() {
    return Corpus.names().toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void fetchMatchesDovecot(String name) throws Exception {
    byte[] message = Corpus.message(name);
    MessageStructure structure = Corpus.parse(name).structure();

    List<Object> ours =
        ImapValues.list(ImapForm.fetch(structure, ImapForm.crlfOffsets(message)), 0);
    byte[] golden = Corpus.dovecot(name);
    List<Object> dovecot = ImapValues.list(golden, indexOf(golden, (byte) '('));

    assertThat(normalized(ours)).isEqualTo(normalized(dovecot));
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The FETCH items with the BODYSTRUCTURE's case-insensitive tokens in lower case. */
  private static List<Object> normalized(List<Object> items) {
    List<Object> copy = new ArrayList<>(items);
    int body = copy.indexOf(new ImapValues.Atom("BODYSTRUCTURE")) + 1;
    copy.set(body, body(list(copy.get(body))));
    return copy;
  }

  private static List<Object> body(List<Object> body) {
    List<Object> copy = new ArrayList<>(body);
    int language = copy.size() - 2; // extension data ends with language and location
    if (copy.get(language) instanceof List<?> tags && tags.size() == 1) {
      copy.set(language, tags.get(0));
    }
    if (copy.get(0) instanceof List<?>) { // multipart: parts, then subtype and parameters
      int i = 0;
      while (copy.get(i) instanceof List<?>) {
        copy.set(i, body(list(copy.get(i))));
        i++;
      }
      copy.set(i, lower(copy.get(i)));
      if (i + 1 < copy.size()) {
        copy.set(i + 1, parameters(copy.get(i + 1)));
      }
      return copy;
    }
    copy.set(0, lower(copy.get(0)));
    copy.set(1, lower(copy.get(1)));
    copy.set(2, parameters(copy.get(2)));
    if (copy.get(0).equals(new Str("message")) && copy.get(1).equals(new Str("rfc822"))) {
      copy.set(8, body(list(copy.get(8))));
    }
    return copy;
  }

  private static Object parameters(Object value) {
    if (!(value instanceof List<?>)) {
      return value; // NIL
    }
    List<Object> copy = new ArrayList<>(list(value));
    for (int i = 0; i < copy.size(); i += 2) {
      copy.set(i, lower(copy.get(i)));
    }
    return copy;
  }

  private static Object lower(Object value) {
    return value instanceof Str s ? new Str(s.text().toLowerCase(Locale.ROOT)) : value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
