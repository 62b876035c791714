/**
 * Logging in and out: the {@link io.certgate.server.login.LoginGate} every login method passes
 * through (per-IP limit, account state, CA failure counts, the published outcome and the 401 of a
 * refused login), password login (username or mobile, image captcha per policy, per-factor lockout
 * taken atomically, one answer for every failure), SMS-code login, recovery of a forgotten username
 * or password by SMS, a signed-in user's change of their own password (the current password counted
 * like a password login), the session (a new session id at every login, an absolute lifetime, and
 * open sessions that follow their account: {@link io.certgate.server.login.SessionGuard}, {@link
 * io.certgate.server.login.OpenSessions}) and {@code GET /api/session}. Publishes {@link
 * io.certgate.server.login.LoginSucceeded}, {@link io.certgate.server.login.LoginFailed} and {@link
 * io.certgate.server.login.LoggedOut}. CA login joins here with the CA feature.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "limit", "sms"})
package io.certgate.server.login;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
