/**
 * Message content on disk: the spool where DATA arrives and the mailbox folders where delivered
 * messages live, one fsynced file each. The files are the truth; the database indexes them.
 */
package dev.yubin.ejb.platform.infrastructure.store;
