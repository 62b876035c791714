package io.certgate.server.account;

import java.time.Instant;
import java.util.Optional;

/** User lookups and the login-state changes the login feature needs. */
public interface Users {

  /** The user with this id. */
  Optional<User> find(long id);

  /** The user whose username, or else whose mobile number, is the given text. */
  Optional<User> findByLogin(String usernameOrMobile);

  /** The user with this mobile number. */
  Optional<User> findByMobile(String mobile);

  /** The stored password hash. */
  Optional<String> passwordHash(long id);

  /**
   * Counts a failed login; at {@code maxFailures} the account is locked until {@code lockUntil}.
   *
   * @return whether this failure locked the account
   */
  boolean recordFailedLogin(long id, int maxFailures, Instant lockUntil);

  /** Clears the failure count and an expired lock after a successful login. */
  void recordSuccessfulLogin(long id);

  /** Replaces the password hash and lifts any lockout (recovery by SMS). */
  void changePasswordHash(long id, String hash);
}
