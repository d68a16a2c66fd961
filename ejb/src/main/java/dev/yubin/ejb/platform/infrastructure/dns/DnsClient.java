package dev.yubin.ejb.platform.infrastructure.dns;

import org.xbill.DNS.Name;

/**
 * Asks DNS one question: the records of one type for one absolute name, following CNAMEs. Never
 * throws for DNS or network trouble; that is a {@link DnsAnswer.Status#TEMPORARY_FAILURE}.
 */
public interface DnsClient {

  /**
   * @param name an absolute name
   * @param type a {@link org.xbill.DNS.Type} constant, never ANY
   */
  DnsAnswer query(Name name, int type);
}
