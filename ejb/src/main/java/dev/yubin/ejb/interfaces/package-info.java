/**
 * Adapters from the outside in: the resource adapter's protocol backends (jca) and JMS listeners
 * (jms). They translate protocol types into application calls and back; nothing else speaks them.
 */
package dev.yubin.ejb.interfaces;
