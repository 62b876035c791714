/**
 * The audit log: every login (success, and failure with its code), logout, recovery and
 * administration change, as rows chained by HMAC-SM3 (or HMAC-SHA256) under a key kept outside the
 * database, with sealed checkpoints, so that an edited, inserted or deleted row is found by {@code
 * GET /api/admin/audit/verify} and a page view verifies only the rows since the last checkpoint. It
 * listens to the other features' events and is never called by them.
 */
@NullMarked
package io.certgate.server.audit;

import org.jspecify.annotations.NullMarked;
