package io.certgate.server.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

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
   * Takes one password attempt, counted as a failure before the password is checked: the hold is
   * read and the attempt counted under the row's lock, so parallel guesses can never take more
   * attempts than the limit allows. The attempt that reaches {@code maxFailures} locks password
   * login ({@code status} shows {@code LOCKED}); after the lock the count starts again.
   *
   * @param holdAfter how long password login is held back after the n-th failure
   * @return the attempt's number since the last correct password, or empty while password login is
   *     held back (nothing is counted then)
   */
  OptionalInt takePasswordAttempt(
      long id, Instant now, int maxFailures, IntFunction<Duration> holdAfter);

  /** The password of the attempt was right: clears the count and the hold it had set. */
  void passwordAccepted(long id);

  /**
   * Moves the user's session version on, so that open sessions look at the account again at their
   * next request.
   *
   * @return the new version
   */
  long touchSessions(long id);

  /**
   * Replaces the password hash, lifts any lockout (recovery by SMS) and moves the session epoch on:
   * sessions opened before end.
   */
  void changePasswordHash(long id, String hash);
}
