package io.certgate.server.provider;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Provider lookups for other features. */
public interface Providers {

  /** The provider with this code. */
  Optional<Provider> find(String code);

  /** All providers, by code. */
  List<Provider> all();

  /**
   * The codes of the providers enabled for a region: its own list, or else the nearest ancestor's.
   * Providers disabled globally are left out.
   */
  Set<String> enabledFor(String regionCode);
}
