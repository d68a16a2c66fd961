package dev.yubin.ejb.platform.infrastructure.dns;

/**
 * Finds the next-hop hosts for a mail domain (RFC 5321 §5.1). Implementations never throw for DNS
 * trouble: it is an outcome of the {@link MxResolution}.
 */
public interface MailExchangerResolver {

  /**
   * @param domain a domain (U-labels allowed) or an address literal such as {@code [192.0.2.1]}
   */
  MxResolution resolve(String domain);
}
