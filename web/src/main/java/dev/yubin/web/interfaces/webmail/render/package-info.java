/**
 * How a stored message is shown in the browser: its MIME tree walked part by part, each part handed
 * to the {@link dev.yubin.web.interfaces.webmail.render.PartRenderer} the registry finds for its
 * media type (the seam plugins will use), HTML mail washed through an allow-list, everything else
 * listed as an attachment. Views are built as jsoup elements, so every text is escaped.
 */
package dev.yubin.web.interfaces.webmail.render;
