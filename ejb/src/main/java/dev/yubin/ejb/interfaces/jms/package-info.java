/**
 * Message-driven beans on JMS queues: thin translations from messages to application work
 * (docs/adr/0007).
 */
package dev.yubin.ejb.interfaces.jms;
