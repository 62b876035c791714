-- 未绑定 pages of an organisation with 100,000 users: "users without a binding" is an anti-join
-- that walks every user up to the page. Each user carries how many bindings it has, kept by the
-- application in the transaction that binds or unbinds (one row update, no read-then-write), so
-- the unbound are one index range in id order. Bulk loads that write ca_bindings directly must
-- recount (the load generator does). Portable SQL for H2 2.x (PostgreSQL mode) and PostgreSQL 12+.
ALTER TABLE users ADD COLUMN binding_count INTEGER DEFAULT 0 NOT NULL;
UPDATE users SET binding_count = (SELECT COUNT(*) FROM ca_bindings b WHERE b.user_id = users.id);
CREATE INDEX ix_users_organization_bindings ON users (organization_id, binding_count, id);
