-- The listings' totals (共有 N 条) of an organisation with 100,000 users cost a count over its
-- index range on every page. Each write that changes them (a user created in the organisation,
-- a binding made or removed) bumps the organisation's listing_version in its own transaction, so
-- any node may keep a total until the version moves on: exact, and shared through the database.
-- Portable SQL for H2 2.x (PostgreSQL mode) and PostgreSQL 12+.
ALTER TABLE organizations ADD COLUMN listing_version BIGINT DEFAULT 0 NOT NULL;

-- Counting and paging without a name filter walk only ids: a narrower index than V21's
-- (organization_id, id, display_name, username), which the name filter keeps using.
CREATE INDEX ix_users_organization_id ON users (organization_id, id);
