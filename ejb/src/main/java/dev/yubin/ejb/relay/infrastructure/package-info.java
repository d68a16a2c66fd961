/**
 * The relay context's adapters: the outbound queue's files on disk (docs/adr/0008), its JMS
 * doorbell (messaging) and the SMTP client (smtp).
 */
package dev.yubin.ejb.relay.infrastructure;
