-- Yubin schema, version 4: the mailbox store of ADR 0009 (folders, UIDs, flags, MODSEQ, content
-- stored once). The rows of stored_message move into it at start-up (LegacyStoreMigration), which
-- parses each file; the old table goes in a later version.
CREATE SEQUENCE mailbox_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE content_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mailbox (
  id BIGINT PRIMARY KEY,
  owner VARCHAR(320) NOT NULL,
  name VARCHAR(1024) NOT NULL,
  special_use VARCHAR(16),
  uid_validity BIGINT NOT NULL,
  uid_next BIGINT NOT NULL,
  highest_modseq BIGINT NOT NULL,
  first_recent_uid BIGINT NOT NULL,
  keywords VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT mailbox_owner_name UNIQUE (owner, name)
);

CREATE TABLE message_content (
  id BIGINT PRIMARY KEY,
  content_key VARCHAR(100) NOT NULL UNIQUE,
  path VARCHAR(600) NOT NULL,
  size BIGINT NOT NULL,
  state SMALLINT NOT NULL,
  structure BYTEA,
  subject VARCHAR(1000),
  base_subject VARCHAR(1000),
  from_text VARCHAR(1000),
  to_text VARCHAR(2000),
  cc_text VARCHAR(2000),
  bcc_text VARCHAR(1000),
  sort_from VARCHAR(320),
  sort_to VARCHAR(320),
  sort_cc VARCHAR(320),
  display_from VARCHAR(400),
  display_to VARCHAR(400),
  sent_at TIMESTAMP WITH TIME ZONE,
  reply_or_forward BOOLEAN DEFAULT FALSE NOT NULL,
  message_id VARCHAR(998),
  in_reply_to VARCHAR(998),
  references_ids VARCHAR(4000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX message_content_state ON message_content (state);

CREATE TABLE mailbox_message (
  mailbox_id BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  uid BIGINT NOT NULL,
  content_id BIGINT NOT NULL REFERENCES message_content (id),
  modseq BIGINT NOT NULL,
  internal_date TIMESTAMP WITH TIME ZONE NOT NULL,
  size BIGINT NOT NULL,
  seen BOOLEAN NOT NULL,
  answered BOOLEAN NOT NULL,
  flagged BOOLEAN NOT NULL,
  deleted BOOLEAN NOT NULL,
  draft BOOLEAN NOT NULL,
  keywords VARCHAR(2000) NOT NULL,
  pop3_uidl VARCHAR(100) NOT NULL,
  PRIMARY KEY (mailbox_id, uid)
);

CREATE INDEX mailbox_message_modseq ON mailbox_message (mailbox_id, modseq);
CREATE INDEX mailbox_message_content ON mailbox_message (content_id);

CREATE TABLE mailbox_expunge (
  mailbox_id BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  uid BIGINT NOT NULL,
  modseq BIGINT NOT NULL,
  PRIMARY KEY (mailbox_id, uid)
);

CREATE INDEX mailbox_expunge_modseq ON mailbox_expunge (mailbox_id, modseq);

CREATE TABLE subscription (
  owner VARCHAR(320) NOT NULL,
  name VARCHAR(1024) NOT NULL,
  PRIMARY KEY (owner, name)
);

-- Counters that must never repeat, taken under a row lock (UIDVALIDITY).
CREATE TABLE store_counter (
  name VARCHAR(40) PRIMARY KEY,
  counter BIGINT NOT NULL
);

INSERT INTO store_counter (name, counter) VALUES ('uid_validity', 0);
