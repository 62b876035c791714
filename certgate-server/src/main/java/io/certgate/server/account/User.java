package io.certgate.server.account;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A platform user. The password hash is not part of it: only the login feature reads that, through
 * {@link Users#passwordHash(long)}.
 *
 * @param organizationId {@code null} only for platform administrators of the operator
 * @param lockedUntil when a lockout ends, if one was set
 */
public record User(
    long id,
    @Nullable Long organizationId,
    String username,
    String displayName,
    String mobile,
    UserStatus status,
    Set<Role> roles,
    int failedAttempts,
    @Nullable Instant lockedUntil,
    String createdBy,
    Instant createdAt) {

  /** Whether a lockout is in force at this instant. */
  public boolean lockedAt(Instant now) {
    return status == UserStatus.LOCKED && lockedUntil != null && lockedUntil.isAfter(now);
  }
}
