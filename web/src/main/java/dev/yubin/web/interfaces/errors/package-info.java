/** Errors outside the REST resources: the container's error page, as JSON. */
package dev.yubin.web.interfaces.errors;
