/**
 * Yubin's plugin SPI. A plugin is an {@code @ApplicationScoped} CDI bean in a jar with a {@code
 * beans.xml}, implementing an interface of this package, ordered with {@code
 * jakarta.annotation.Priority} (lower runs first).
 *
 * <p>{@link dev.yubin.api.MailFilter}: sees every accepted message before it is stored or queued,
 * and may accept, reject, defer, change header fields and change recipients.
 */
package dev.yubin.api;
