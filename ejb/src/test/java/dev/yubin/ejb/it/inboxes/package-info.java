/**
 * How the integration tests look into the mailbox store: only the deployments whose tests read
 * stored messages add this package.
 */
package dev.yubin.ejb.it.inboxes;
