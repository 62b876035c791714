-- Open sessions follow the account (DESIGN §6). session_version moves on every change an open
-- session must look at again (roles, name, status, password, bindings); session_epoch moves when
-- the sessions opened before must end (password changed or reset, user disabled). Each session
-- keeps both values from its login. Portable SQL for H2 2.x (PostgreSQL mode) and PostgreSQL 12+.
ALTER TABLE users ADD COLUMN session_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN session_epoch BIGINT DEFAULT 0 NOT NULL;
