/**
 * Webmail under {@code /mail/}: Jakarta MVC controllers (Krazo, docs/adr/0011) on the mailbox
 * store's application services, the same ones IMAP uses, with Facelets views that escape every
 * value. Sessions, CSRF tokens and the security headers of every page live here too.
 */
package dev.yubin.web.interfaces.webmail;
