/**
 * The reports context's services: what senders are told of their mail (delivery status
 * notifications) and the delivery log.
 */
package dev.yubin.ejb.reports.application;
