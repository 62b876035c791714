/**
 * CA login ({@code POST /api/auth/ca}): a LOGIN challenge of this session signed by a bound lock
 * logs its account in on a new session, through the login feature's {@link
 * io.certgate.server.login.LoginGate} (so limits, account checks, audit events and statuses are
 * those of every login). A renewed certificate of a bound lock (same provider and lock ID) logs in
 * and carries the binding over. A session opened this way ends when its binding is unbound.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {"account", "api", "binding", "challenge", "login", "provider"})
package io.certgate.server.calogin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
