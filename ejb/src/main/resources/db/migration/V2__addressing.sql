-- Yubin schema, version 2: aliases, a catch-all per domain, a quota per account.
ALTER TABLE mail_domain ADD COLUMN catch_all VARCHAR(320);
ALTER TABLE account ADD COLUMN quota_bytes BIGINT;

CREATE SEQUENCE alias_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mail_alias (
  id BIGINT PRIMARY KEY,
  address VARCHAR(320) NOT NULL UNIQUE,
  domain_id BIGINT NOT NULL REFERENCES mail_domain (id),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The primary key's index also serves the lookup of an alias's targets.
CREATE TABLE mail_alias_target (
  alias_id BIGINT NOT NULL REFERENCES mail_alias (id) ON DELETE CASCADE,
  target VARCHAR(320) NOT NULL,
  PRIMARY KEY (alias_id, target)
);
