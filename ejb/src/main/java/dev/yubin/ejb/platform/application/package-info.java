/**
 * Start-up and the services every context shares: the data directory's content store, readiness,
 * and the admin API's credential.
 */
package dev.yubin.ejb.platform.application;
