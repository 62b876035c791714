-- Issue 16: certificate profile rules of RFC 5280 §4 (core's ProfileRule names, comma-separated)
-- that a provider's real CA certificates break and that are therefore not enforced for it; empty
-- for every provider unless an administrator relaxes a rule. Portable SQL (H2 2.x, PostgreSQL).
ALTER TABLE ca_providers ADD COLUMN relaxed_profile_rules VARCHAR(400) DEFAULT '' NOT NULL;
