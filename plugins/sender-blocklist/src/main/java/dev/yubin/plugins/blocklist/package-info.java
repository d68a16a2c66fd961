/** A shipped plugin: refuse mail from listed senders. A small, complete example of a filter. */
package dev.yubin.plugins.blocklist;
