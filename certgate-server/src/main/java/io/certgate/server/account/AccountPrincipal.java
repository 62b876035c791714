package io.certgate.server.account;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in user as kept in the HTTP session, and the rules of who may administer whom. Every
 * administration endpoint asks these questions of the object it touches, not only of the URL.
 */
public record AccountPrincipal(
    long id, String username, String displayName, @Nullable Long organizationId, Set<Role> roles)
    implements AuthenticatedPrincipal, Serializable {

  /** The principal of a user. */
  public static AccountPrincipal of(User user) {
    return new AccountPrincipal(
        user.id(),
        user.username(),
        user.displayName(),
        user.organizationId(),
        Set.copyOf(user.roles()));
  }

  @Override
  public String getName() {
    return username;
  }

  /** Spring Security authorities: {@code ROLE_<role>}. */
  public List<GrantedAuthority> authorities() {
    return roles.stream()
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
        .toList();
  }

  /** Whether this user is a platform administrator. */
  public boolean isPlatformAdmin() {
    return roles.contains(Role.PLATFORM_ADMIN);
  }

  /** Whether this user may administer the users of the organisation. */
  public boolean canManageOrganization(@Nullable Long organization) {
    if (isPlatformAdmin()) {
      return true;
    }
    return roles.contains(Role.ORG_ADMIN)
        && organization != null
        && organization.equals(organizationId);
  }
}
