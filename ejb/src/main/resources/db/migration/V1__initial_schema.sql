-- Yubin schema, version 1: domains, accounts, and the message index.
CREATE SEQUENCE domain_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE message_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mail_domain (
  id BIGINT PRIMARY KEY,
  name VARCHAR(253) NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account (
  id BIGINT PRIMARY KEY,
  address VARCHAR(320) NOT NULL UNIQUE,
  domain_id BIGINT NOT NULL REFERENCES mail_domain (id),
  password_hash VARCHAR(200) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE stored_message (
  id BIGINT PRIMARY KEY,
  owner VARCHAR(320) NOT NULL,
  mailbox VARCHAR(200) NOT NULL,
  content_key VARCHAR(100) NOT NULL UNIQUE,
  size BIGINT NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX stored_message_owner ON stored_message (owner, mailbox);
