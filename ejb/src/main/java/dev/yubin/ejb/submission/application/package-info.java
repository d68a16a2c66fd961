/**
 * The submission context: the one entry point by which mail comes in from any origin (SMTP on MX
 * and submission ports, reports, later webmail and JMS): sender policy, the filter chain, routing
 * to local mailboxes and the relay, trace fields and quotas.
 */
package dev.yubin.ejb.submission.application;
