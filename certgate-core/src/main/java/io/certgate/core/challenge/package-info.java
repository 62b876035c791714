/**
 * Challenges of DESIGN.md §6 and step 2 of §8: generation from an injected {@link
 * java.security.SecureRandom} and {@link java.time.Clock}, the {@link
 * io.certgate.core.challenge.ChallengeStore} port with its atomic take-once, an in-memory store for
 * a single node, and the rules a taken challenge must pass ({@link
 * io.certgate.core.challenge.ChallengeRules}). Distributed stores (Redis) live with the server;
 * this package knows nothing of HTTP sessions beyond an opaque session id.
 */
@NullMarked
package io.certgate.core.challenge;

import org.jspecify.annotations.NullMarked;
