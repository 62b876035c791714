package io.certgate.server.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the administration pages may read, with the same authorisation as the API. */
public interface Accounts {

  /** One page of users the actor may administer; {@code FORBIDDEN} for another organisation. */
  UserListing users(
      AccountPrincipal actor, @Nullable Long organizationId, String name, int page, int size);

  /** The organisations the actor may see: all for a platform administrator, else its own. */
  List<Organization> organizations(AccountPrincipal actor);

  /** A page of users. */
  record UserListing(long total, int page, int size, List<User> items) {}
}
