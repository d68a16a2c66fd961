/** The filter chain that every accepted message passes, and the filters built into Yubin. */
package dev.yubin.ejb.submission.application.filter;
