/** The reports context's adapters: the delivery log in JPA. */
package dev.yubin.ejb.reports.infrastructure;
