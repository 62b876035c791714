package io.certgate.server.region;

import java.util.List;
import java.util.Optional;

/** Read access to regions for other features. */
public interface Regions {

  /** The region with this code, with its effective CA setting. */
  Optional<Region> find(String code);

  /** All regions, ordered by code. */
  List<Region> all();

  /** Whether CA business is enabled in the region, after inheritance; false for unknown codes. */
  default boolean caEnabled(String code) {
    return find(code).map(Region::effectiveCaEnabled).orElse(false);
  }
}
