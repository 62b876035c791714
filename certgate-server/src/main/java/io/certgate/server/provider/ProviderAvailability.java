package io.certgate.server.provider;

import io.certgate.core.ErrorCode;
import java.util.Optional;

/**
 * The region rules of DESIGN.md §8 step 8, the same for every CA action on an account (binding it,
 * logging in with it): CA business is on in the account's region, and the token's provider is
 * enabled there. Both settings are inherited down the region tree.
 */
public interface ProviderAvailability {

  /**
   * Why a CA action with the provider is refused in the region, if it is.
   *
   * @param regionCode the account's region; empty for an account without one (a platform
   *     administrator), where CA business is never on
   * @return {@code REGION_CA_DISABLED} when the region has no CA business, {@code
   *     PROVIDER_DISABLED} when the provider is not enabled for it (or is disabled globally); empty
   *     when both allow
   */
  Optional<ErrorCode> refusal(Optional<String> regionCode, String providerCode);
}
