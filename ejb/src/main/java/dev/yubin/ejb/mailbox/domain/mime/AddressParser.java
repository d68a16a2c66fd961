package dev.yubin.ejb.mailbox.domain.mime;

import dev.yubin.ejb.mailbox.domain.mime.Envelope.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an address-list header value (RFC 5322 §3.4, obsolete forms included) into the addresses
 * of an IMAP ENVELOPE, leniently and with the same results as Dovecot's {@code message-address.c}:
 * groups as start and end markers, {@code addr-spec (Name)} takes the comment as the name, missing
 * parts are filled in ({@code MISSING_DOMAIN}, {@code MISSING_MAILBOX}, {@code INVALID_ROUTE},
 * {@code SYNTAX_ERROR}).
 *
 * @see "RFC 3501 §7.4.2"
 */
final class AddressParser {

  static final String MISSING_MAILBOX = "MISSING_MAILBOX";
  static final String MISSING_DOMAIN = "MISSING_DOMAIN";

  /** Upper bound of addresses taken from one field (bounded work on hostile input). */
  private static final int MAX_ADDRESSES = 10_000;

  private final Rfc822Tokenizer tokens;
  private final List<Address> addresses = new ArrayList<>();
  private final StringBuilder str = new StringBuilder();
  private String name;
  private String route;
  private String mailbox;
  private String domain;
  private boolean invalid;

  private AddressParser(String value) {
    this.tokens = new Rfc822Tokenizer(value, true);
  }

  /** The addresses of one field value; empty for an empty value. */
  static List<Address> parse(String value) {
    AddressParser parser = new AddressParser(value);
    if (parser.tokens.skipLwsp() > 0) {
      parser.addressList();
    }
    return parser.addresses;
  }

  private void add() {
    addresses.add(new Address(name, route, mailbox, domain));
    name = route = mailbox = domain = null;
    invalid = false;
  }

  private void addFixed() {
    if (mailbox == null) {
      mailbox = MISSING_MAILBOX;
      invalid = true;
    }
    if (domain == null || domain.isEmpty()) {
      domain = MISSING_DOMAIN;
      invalid = true;
    }
    add();
  }

  private void addressList() {
    int max = MAX_ADDRESSES;
    while (max-- > 0) {
      if (address() == 0) {
        break;
      }
      if (tokens.atEnd() || tokens.peek() != ',') {
        break;
      }
      tokens.skip();
      int ret = tokens.skipLwsp();
      if (ret <= 0) {
        if (ret < 0) {
          addFixed(); // ends with some garbage
        }
        break;
      }
    }
  }

  private int address() {
    int start = tokens.position();
    int ret = group();
    if (ret < 0) {
      tokens.position(start);
      ret = mailbox();
    }
    return ret;
  }

  /** {@code display-name ":" [mailbox-list / CFWS] ";" [CFWS]}; -1 when this is no group. */
  private int group() {
    str.setLength(0);
    if (tokens.parsePhrase(str) <= 0 || tokens.peek() != ':') {
      return -1;
    }
    tokens.skip();
    int ret = tokens.skipLwsp();
    if (ret <= 0) {
      invalid = true;
    }
    mailbox = str.toString();
    add(); // the group's start
    if (ret > 0 && tokens.peek() != ';') {
      while (true) {
        mailbox();
        if (tokens.atEnd() || tokens.peek() != ',') {
          break;
        }
        tokens.skip();
        if (tokens.skipLwsp() <= 0) {
          ret = -1;
          break;
        }
      }
    }
    if (ret >= 0) {
      if (tokens.atEnd() || tokens.peek() != ';') {
        ret = -1;
      } else {
        tokens.skip();
        ret = tokens.skipLwsp();
      }
    }
    add(); // the group's end
    return ret == 0 ? 0 : 1;
  }

  /** {@code name-addr / addr-spec}. */
  private int mailbox() {
    int start = tokens.position();
    int ret = nameAddr();
    if (ret < 0) {
      tokens.position(start);
      ret = addrSpec();
      if (invalid && name == null && mailbox != null && domain == null) {
        name = mailbox;
        mailbox = null;
      }
    }
    addFixed();
    return ret;
  }

  /** {@code [display-name] angle-addr}; -1 when there is no angle-addr. */
  private int nameAddr() {
    str.setLength(0);
    if (tokens.parsePhrase(str) < 0 || tokens.atEnd() || tokens.peek() != '<') {
      return -1;
    }
    name = str.isEmpty() ? null : str.toString();
    if (angleAddr() < 0) {
      domain = "SYNTAX_ERROR";
      invalid = true;
    }
    return tokens.atEnd() ? 0 : 1;
  }

  private int angleAddr() {
    tokens.skip(); // '<'
    if (tokens.skipLwsp() <= 0) {
      return -1;
    }
    if (tokens.peek() == '@') {
      if (domainList() > 0 && tokens.peek() == ':') {
        tokens.skip();
      } else {
        route = "INVALID_ROUTE";
        if (tokens.atEnd()) {
          return -1;
        }
      }
      if (tokens.skipLwsp() <= 0) {
        return -1;
      }
    }
    if (tokens.peek() != '>') {
      if (localPart() <= 0) {
        return -1;
      }
      if (tokens.peek() == '@' && domain() <= 0) {
        return -1;
      }
    }
    if (tokens.peek() != '>') {
      return -1;
    }
    tokens.skip();
    return tokens.skipLwsp();
  }

  /** obs-domain-list: {@code "@" domain *("," "@" domain)} into {@code route}. */
  private int domainList() {
    str.setLength(0);
    while (true) {
      if (tokens.atEnd()) {
        return 0;
      }
      if (tokens.peek() != '@') {
        break;
      }
      if (!str.isEmpty()) {
        str.append(',');
      }
      str.append('@');
      int ret = tokens.parseDomain(str);
      if (ret <= 0) {
        return ret;
      }
      while (tokens.skipLwsp() > 0 && tokens.peek() == ',') {
        tokens.skip();
      }
    }
    route = str.toString();
    return 1;
  }

  private int localPart() {
    str.setLength(0);
    int ret = tokens.peek() == '"' ? tokens.parseQuotedString(str) : nonStrictDotAtom();
    if (ret < 0) {
      return -1;
    }
    mailbox = str.toString();
    return ret;
  }

  /** A dot-atom that also accepts leading, trailing and doubled dots (seen in the wild). */
  private int nonStrictDotAtom() {
    int ret = -1;
    do {
      while (tokens.peek() == '.') {
        str.append('.');
        tokens.skip();
        if (tokens.atEnd()) {
          return 0; // @domain is missing, but the local part parsed
        }
        ret = 1;
      }
      if (tokens.peek() == '@') {
        break;
      }
      ret = tokens.parseAtom(str);
    } while (ret > 0 && tokens.peek() == '.');
    return ret;
  }

  private int domain() {
    str.setLength(0);
    int ret = tokens.parseDomain(str);
    if (ret < 0) {
      return -1;
    }
    domain = str.toString();
    return ret;
  }

  /** {@code local-part "@" domain}, with a trailing comment as the name. */
  private int addrSpec() {
    tokens.clearLastComment();
    boolean quoted = tokens.peek() == '"';
    int ret = localPart();
    if (ret <= 0) {
      invalid = true;
    }
    int domainRet = -2;
    if (ret != 0 && !tokens.atEnd() && tokens.peek() == '@') {
      domainRet = domain();
      if (domainRet <= 0) {
        ret = domainRet;
      }
    }
    if (!tokens.lastComment().isEmpty()) {
      name = tokens.lastComment();
    } else if (domainRet == -2) {
      // "user" alone is a mailbox; "user and more words" is a display name
      str.append(' ');
      int length = str.length();
      if (!tokens.atEnd()) {
        tokens.parsePhrase(str);
      }
      if (str.length() != length) {
        mailbox = null;
        name = str.toString();
      } else if (!quoted) {
        domain = "";
      }
      invalid = true;
      ret = -1;
    }
    return ret;
  }
}
