package io.certgate.server.account;

import java.util.List;
import java.util.Optional;

/** Organisation lookups for other features. */
public interface Organizations {

  /** The organisation with this id. */
  Optional<Organization> find(long id);

  /** All organisations, by name. */
  List<Organization> all();

  /**
   * The region of the user's organisation; empty for a user without one (a platform administrator).
   */
  default Optional<String> regionOf(User user) {
    return Optional.ofNullable(user.organizationId())
        .flatMap(this::find)
        .map(Organization::regionCode);
  }
}
