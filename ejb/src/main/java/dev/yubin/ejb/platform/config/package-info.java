/** Settings from MicroProfile Config: keys, defaults, and the checks on them. */
package dev.yubin.ejb.platform.config;
