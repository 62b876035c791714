-- The CA用户管理 listings at 100,000 users per organisation (issue 7). Portable SQL for H2 2.x
-- (PostgreSQL mode) and PostgreSQL 12+.
--
-- Both listings are scoped to one organisation and page in a fixed order, so each gets an index
-- that starts with the organisation and continues in the listing's order: a page is then found
-- by walking one index range (index-only on PostgreSQL), whatever the table's size.

-- A binding's organisation is its user's, copied on insert: a user never changes organisation,
-- and with it the bindings view and the 是否绑定 filter need not visit the users of the
-- organisation to find its bindings. NULL for a platform administrator's own binding, as the
-- user's is.
ALTER TABLE ca_bindings ADD COLUMN organization_id BIGINT REFERENCES organizations (id);
UPDATE ca_bindings b
   SET organization_id = (SELECT u.organization_id FROM users u WHERE u.id = b.user_id);

-- Users of an organisation in id order, with the columns the 用户名称 filter matches: a
-- LIKE '%…%' cannot use a B-tree, but it can be checked on this index instead of on the table.
-- Replaces ix_users_organization (its prefix).
CREATE INDEX ix_users_organization_listing ON users (organization_id, id, display_name, username);
DROP INDEX ix_users_organization;

-- 已绑定 / 未绑定: a merge of the organisation's users with its bound users, both in id order.
CREATE INDEX ix_ca_bindings_organization_user ON ca_bindings (organization_id, user_id);

-- The bindings view, newest first: one organisation's, and every organisation's.
CREATE INDEX ix_ca_bindings_organization_bound ON ca_bindings (organization_id, bound_at, id);
CREATE INDEX ix_ca_bindings_bound ON ca_bindings (bound_at, id);
