package io.certgate.server.account;

/**
 * Who may bind and unbind CAs for whom (DESIGN.md §9): a user for itself, an organisation
 * administrator for its own organisation's users (not for platform administrators), a platform
 * administrator for anyone.
 */
public final class CaPermissions {
  private CaPermissions() {}

  /** Whether {@code actor} may bind or unbind CAs of {@code target}. */
  public static boolean mayManage(AccountPrincipal actor, User target) {
    if (actor.id() == target.id() || actor.isPlatformAdmin()) {
      return true;
    }
    return actor.roles().contains(Role.ORG_ADMIN)
        && target.organizationId() != null
        && target.organizationId().equals(actor.organizationId())
        && !target.roles().contains(Role.PLATFORM_ADMIN);
  }
}
