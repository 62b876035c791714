package io.certgate.server.login;

/**
 * The latest session version of each account that changed, as every node must see it before it
 * answers the next request. A session whose login saw an older version looks at its account again.
 * One node keeps them in memory; in cluster mode they live in Redis, so a change made through one
 * node is followed on all of them at their next request.
 */
public interface AccountMarks {

  /** The latest version marked for the user, 0 when none was. */
  long latest(long userId);

  /** Marks the user's version; a lower version than the one marked changes nothing. */
  void raise(long userId, long version);
}
