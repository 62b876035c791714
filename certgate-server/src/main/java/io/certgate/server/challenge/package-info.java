/**
 * CA challenges (DESIGN.md §6): {@code POST /api/ca/challenges} issues a LOGIN challenge to anyone
 * and a BIND challenge to a signed-in user who may manage the target user's CAs; {@link
 * io.certgate.server.challenge.CaChallenges} ties each challenge to the requesting HTTP session and
 * redeems it once, as the challenge step of the token validator. CA login and binding use it; it
 * knows nothing of bindings or logins, and it does not validate tokens (the provider feature does).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "limit"})
package io.certgate.server.challenge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
