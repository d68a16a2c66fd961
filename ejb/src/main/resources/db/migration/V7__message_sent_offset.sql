-- The Date field's offset from UTC in minutes, beside sent_at: PostgreSQL keeps only the instant of
-- a TIMESTAMP WITH TIME ZONE, and SENTON/SENTBEFORE/SENTSINCE compare the field's own calendar day
-- (RFC 3501 §6.4.4). Rows stored before have none and are read as UTC, as they were.
ALTER TABLE message_content ADD COLUMN sent_offset INTEGER;
