/**
 * What every protocol engine shares: the session contract the transport drives, the {@link
 * dev.yubin.protocol.Output} it writes through, and line framing. No sockets, no container.
 */
package dev.yubin.protocol;
