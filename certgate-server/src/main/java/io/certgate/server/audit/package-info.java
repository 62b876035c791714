/**
 * The audit log: every login (success, and failure with its code), logout, recovery and
 * administration change, as rows hash-chained with SHA-256 so that an edited, inserted or deleted
 * row is found by {@code GET /api/admin/audit/verify}. It listens to the other features' events and
 * is never called by them.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {"account", "api", "binding", "login", "provider", "region"})
package io.certgate.server.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
