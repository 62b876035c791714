package io.certgate.server.provider;

import io.certgate.core.ErrorCode;
import io.certgate.server.region.Regions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link ProviderAvailability} from the regions' CA setting and the providers enabled per region.
 */
@Component
final class RegionProviderRule implements ProviderAvailability {
  private final Regions regions;
  private final Providers providers;

  RegionProviderRule(Regions regions, Providers providers) {
    this.regions = regions;
    this.providers = providers;
  }

  @Override
  public Optional<ErrorCode> refusal(Optional<String> regionCode, String providerCode) {
    if (regionCode.isEmpty() || !regions.caEnabled(regionCode.get())) {
      return Optional.of(ErrorCode.REGION_CA_DISABLED);
    }
    if (!providers.enabledFor(regionCode.get()).contains(providerCode)) {
      return Optional.of(ErrorCode.PROVIDER_DISABLED);
    }
    return Optional.empty();
  }
}
