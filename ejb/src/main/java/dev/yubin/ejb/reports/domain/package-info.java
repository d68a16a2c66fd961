/**
 * Delivery status notifications (RFC 3464, RFC 3461): which recipients a report is due for, and the
 * multipart/report message that tells the envelope sender.
 */
package dev.yubin.ejb.reports.domain;
