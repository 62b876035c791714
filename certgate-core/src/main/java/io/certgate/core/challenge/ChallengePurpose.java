package io.certgate.core.challenge;

/** What a challenge may be redeemed for; a challenge issued for one is unknown to the other. */
public enum ChallengePurpose {
  /** CA login (DESIGN.md §6 {@code POST /api/auth/ca}). */
  LOGIN,
  /** Binding a CA to a target user (DESIGN.md §6 {@code POST /api/ca/bindings}). */
  BIND
}
