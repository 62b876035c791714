/**
 * CA login ({@code POST /api/auth/ca}): a LOGIN challenge of this session signed by a bound lock
 * logs its account in on a new session. A renewed certificate of a bound lock (same provider and
 * lock ID) logs in and carries the binding over. Every outcome is published as the login feature's
 * {@link io.certgate.server.login.LoginSucceeded} / {@link io.certgate.server.login.LoginFailed}
 * with method {@code CA}, so the audit log sees each.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {"account", "api", "binding", "limit", "login", "provider"})
package io.certgate.server.calogin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
