/**
 * Message-driven beans that serve the resource adapter's listener interfaces: thin translations
 * from protocol backend calls to application services.
 */
package dev.yubin.ejb.interfaces.jca;
