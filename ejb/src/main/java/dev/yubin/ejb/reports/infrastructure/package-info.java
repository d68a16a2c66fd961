/** JPA repositories (EclipseLink) for the domain model. */
package dev.yubin.ejb.reports.infrastructure;
