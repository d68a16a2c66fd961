/** FilterChainIT's scripted mail filter: only that test's deployment adds this package. */
package dev.yubin.ejb.it.filterchain;
