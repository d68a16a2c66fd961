/** The database: its schema migrations and the data source. */
package dev.yubin.ejb.platform.infrastructure.persistence;
