-- Yubin schema, version 3: what happened to each recipient of relayed mail.
CREATE SEQUENCE delivery_event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE delivery_event (
  id BIGINT PRIMARY KEY,
  queue_id VARCHAR(100) NOT NULL,
  recipient VARCHAR(320) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  status VARCHAR(20),
  detail VARCHAR(1000),
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX delivery_event_queue ON delivery_event (queue_id);
