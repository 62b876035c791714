package io.certgate.server.account;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A platform user. The password hash is not part of it: only the login feature reads that, through
 * {@link Users#passwordHash(long)}.
 *
 * @param organizationId {@code null} only for platform administrators of the operator
 * @param failedAttempts password attempts since the last correct one (each is counted before the
 *     password is checked)
 * @param lockedUntil until when password login is held back, if it is (other login methods are not)
 * @param sessionVersion moved by every change that open sessions must look at again
 * @param sessionEpoch moved when the user's open sessions must end (password changed, disabled)
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
    Instant createdAt,
    long sessionVersion,
    long sessionEpoch) {

  /** Whether password login is held back at this instant (a delay or a lock after failures). */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
