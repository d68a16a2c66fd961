/** Messages as the pipeline sees them: the header section, and a message on its way in. */
package dev.yubin.ejb.submission.domain;
