/**
 * Auth-token validation as the server and the checker run it (DESIGN §8 steps 1–7): {@link
 * io.certgate.core.auth.AuthTokenValidator} composes token parsing, the caller's {@link
 * io.certgate.core.auth.ChallengeCheck}, signature verification and certificate validation. It does
 * not store challenges, check regions or look up bindings: that is the server's step 8.
 */
@NullMarked
package io.certgate.core.auth;

import org.jspecify.annotations.NullMarked;
