-- The keyed audit chain (issue 14 §4). Each row names the key whose MAC its hash is (NULL: a row of
-- the unkeyed SHA-256 era, which may only come before the first keyed row). Signed checkpoints say
-- "the chain up to seq ends in hash", so that a page view verifies only the rows after the last one;
-- the head carries a MAC too, so cutting rows from the end and moving the head back is found.
-- The keys themselves are never stored here. Portable SQL for H2 2.x and PostgreSQL 12+.
ALTER TABLE audit_events ADD COLUMN key_id VARCHAR(40);
ALTER TABLE audit_head ADD COLUMN key_id VARCHAR(40);
ALTER TABLE audit_head ADD COLUMN mac VARCHAR(64);
CREATE TABLE audit_checkpoints (
  seq    BIGINT      NOT NULL PRIMARY KEY,
  hash   VARCHAR(64) NOT NULL,
  key_id VARCHAR(40) NOT NULL,
  mac    VARCHAR(64) NOT NULL
);
