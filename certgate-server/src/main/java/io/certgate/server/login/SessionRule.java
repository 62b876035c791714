package io.certgate.server.login;

/**
 * A condition an open session keeps to, asked when its account changed: another feature's part of
 * "open sessions follow the account" (CA login: the binding it logged in with still exists).
 */
public interface SessionRule {

  /** Whether the session may go on. */
  boolean holds(SessionFacts facts);
}
