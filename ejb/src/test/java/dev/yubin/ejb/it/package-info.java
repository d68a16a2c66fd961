/**
 * Integration tests on Payara Micro (Arquillian): the JPA repositories and services over the real
 * database and file store, and the MDBs reached through the deployed resource adapter's listeners.
 */
package dev.yubin.ejb.it;
