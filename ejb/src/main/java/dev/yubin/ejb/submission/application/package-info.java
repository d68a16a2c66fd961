/** Application services: what the protocols and the admin API ask the mail system to do. */
package dev.yubin.ejb.submission.application;
