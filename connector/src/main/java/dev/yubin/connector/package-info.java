/**
 * The resource adapter: it binds the listeners, runs each connection's protocol engine on
 * WorkManager threads, and hands the engines' backend calls to MDBs as JCA inbound calls.
 */
package dev.yubin.connector;
