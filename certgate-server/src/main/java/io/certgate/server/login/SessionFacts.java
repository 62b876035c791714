package io.certgate.server.login;

import io.certgate.server.account.User;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a session knows of its login, kept in the session beside Spring Security's context: whose it
 * is, the account's session version and epoch as they were then, the binding a CA login used and
 * when it logged in (the absolute lifetime counts from here).
 *
 * @param bindingId the CA binding the session logged in with; {@code null} for password and SMS
 */
public record SessionFacts(
    long userId, long version, long epoch, @Nullable Long bindingId, Instant loginAt)
    implements Serializable {

  /** The session attribute that holds them. */
  public static final String ATTRIBUTE = "certgate.session";

  static SessionFacts of(User user, @Nullable Long bindingId, Instant at) {
    return new SessionFacts(user.id(), user.sessionVersion(), user.sessionEpoch(), bindingId, at);
  }

  SessionFacts following(User user) {
    return new SessionFacts(userId, user.sessionVersion(), user.sessionEpoch(), bindingId, loginAt);
  }
}
