/**
 * The shared kernel: the few values every context must agree on word for word (an envelope with its
 * DSN parameters, a submission's origin, the outcome of a request, the RFC 5322 date). Pure values,
 * JDK only, kept small (docs/adr/0010).
 */
package dev.yubin.ejb.kernel;
