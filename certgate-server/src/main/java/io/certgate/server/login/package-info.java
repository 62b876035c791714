/**
 * Logging in and out: password login (username or mobile, image captcha per policy, lockout, rate
 * limit per IP), SMS-code login, recovery of a forgotten username or password by SMS, the session
 * (a new session id at every login) and {@code GET /api/session}. Publishes {@link
 * io.certgate.server.login.LoginSucceeded}, {@link io.certgate.server.login.LoginFailed} and {@link
 * io.certgate.server.login.LoggedOut}. CA login joins here with the CA feature.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "limit", "sms"})
package io.certgate.server.login;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
