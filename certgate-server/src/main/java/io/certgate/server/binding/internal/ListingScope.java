package io.certgate.server.binding.internal;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Role;
import io.certgate.server.api.ApiException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows a CA listing may show its actor, as SQL conditions: a platform administrator everything
 * (or one organisation), an organisation administrator its organisation, anyone else only itself.
 * The condition is written both on users and on bindings, because a binding carries its user's
 * organisation (V21): the bindings view and the 是否绑定 filter then stay inside the organisation's
 * index range instead of visiting its users.
 *
 * @param organizationId the one organisation shown, if the scope is an organisation
 * @param selfId the one user shown, if the scope is the actor itself
 */
public record ListingScope(@Nullable Long organizationId, @Nullable Long selfId) {

  /**
   * The scope of {@code actor} asking for {@code organizationId} (null: its default).
   *
   * @throws ApiException FORBIDDEN when an organisation administrator asks for another one
   */
  public static ListingScope of(AccountPrincipal actor, @Nullable Long organizationId) {
    if (actor.isPlatformAdmin()) {
      return new ListingScope(organizationId, null);
    }
    Long own = actor.organizationId();
    if (actor.roles().contains(Role.ORG_ADMIN) && own != null) {
      if (organizationId != null && !organizationId.equals(own)) {
        throw ApiException.forbidden();
      }
      return new ListingScope(own, null);
    }
    return new ListingScope(null, actor.id());
  }

  /** The condition on {@code users u}, its parameters put into {@code params}. */
  public String onUsers(Map<String, Object> params) {
    return condition("u.organization_id", "u.id", params);
  }

  /**
   * The condition on the bindings table under {@code alias}, parameters put into {@code params}.
   */
  public String onBindings(String alias, Map<String, Object> params) {
    return condition(alias + ".organization_id", alias + ".user_id", params);
  }

  private String condition(String orgColumn, String userColumn, Map<String, Object> params) {
    if (organizationId != null) {
      params.put("org", organizationId);
      return orgColumn + " = :org";
    }
    if (selfId != null) {
      params.put("self", selfId);
      return userColumn + " = :self";
    }
    return "1 = 1";
  }
}
