package io.certgate.agent.token;

import java.util.Optional;

/**
 * What the agent tells about one inserted token (DESIGN.md §4 {@code tokens[]}).
 *
 * @param id stable while the token stays in: derived from its module, serial and label
 * @param pinRetriesLeft tries left before the PIN locks, only when the token's flags say a number
 * @param locked the token reports its user PIN locked
 */
public record TokenInfo(
    String id,
    String label,
    String manufacturer,
    String serial,
    TokenKind kind,
    Optional<Integer> pinRetriesLeft,
    boolean locked) {}
