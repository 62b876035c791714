package io.certgate.server.provider;

import io.certgate.core.cert.ProviderTrust;
import io.certgate.server.api.ApiException;
import io.certgate.server.region.Regions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and changes providers and region lists. A provider is checked completely ({@link
 * ProviderSpec}) before it is stored, and the trust registry is rebuilt after the change commits.
 */
@Service
class ProviderService {
  private final JdbcProviders providers;
  private final DbTrustRegistry registry;
  private final Regions regions;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  ProviderService(
      JdbcProviders providers,
      DbTrustRegistry registry,
      Regions regions,
      ApplicationEventPublisher events,
      TransactionTemplate tx) {
    this.providers = providers;
    this.registry = registry;
    this.regions = regions;
    this.events = events;
    this.tx = tx;
  }

  Provider create(Provider p) {
    check(p);
    if (providers.find(p.code()).isPresent()) {
      throw ApiException.conflict("服务商代码已存在");
    }
    tx.executeWithoutResult(
        s -> {
          providers.insert(p);
          events.publishEvent(new ProvidersChanged(p.code(), true, p.updatedBy()));
        });
    registry.reload();
    return providers.find(p.code()).orElseThrow();
  }

  Provider update(Provider p) {
    check(p);
    boolean found =
        Boolean.TRUE.equals(
            tx.execute(
                s -> {
                  boolean updated = providers.update(p);
                  if (updated) {
                    events.publishEvent(new ProvidersChanged(p.code(), false, p.updatedBy()));
                  }
                  return updated;
                }));
    if (!found) {
      throw ApiException.notFound();
    }
    registry.reload();
    return providers.find(p.code()).orElseThrow();
  }

  /** Creates or replaces (the directory loader: configuration kept as code wins). */
  void upsert(Provider p) {
    check(p);
    tx.executeWithoutResult(
        s -> {
          boolean created = !providers.update(p);
          if (created) {
            providers.insert(p);
          }
          events.publishEvent(new ProvidersChanged(p.code(), created, p.updatedBy()));
        });
    registry.reload();
  }

  void setRegionProviders(String regionCode, List<String> codes, String actor) {
    if (regions.find(regionCode).isEmpty()) {
      throw ApiException.notFound();
    }
    for (String code : codes) {
      if (providers.find(code).isEmpty()) {
        throw ApiException.badRequest("服务商不存在: " + code);
      }
    }
    List<String> distinct = codes.stream().distinct().toList();
    tx.executeWithoutResult(
        s -> {
          providers.setList(regionCode, distinct, actor);
          events.publishEvent(new RegionProvidersSet(regionCode, distinct, actor));
        });
  }

  private void check(Provider p) {
    ProviderTrust trust;
    try {
      trust = ProviderSpec.trust(p, registry.timeout());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    refuseClash(p.code(), trust);
  }

  /**
   * DESIGN §3: two providers that could both claim one certificate (one root listed by both while
   * either lists no issuing CA, or one issuing CA listed by both) are refused like any duplicate.
   * Checked against the table as it is now; a concurrent save through another node that creates a
   * clash is caught when the validator is rebuilt ({@link DbTrustRegistry} drops both).
   */
  private void refuseClash(String code, ProviderTrust trust) {
    List<String> clashing = new ArrayList<>();
    for (Provider other : providers.all()) {
      if (other.code().equals(code)) {
        continue;
      }
      try {
        if (trust.clashesWith(ProviderSpec.trust(other, registry.timeout()))) {
          clashing.add(other.code());
        }
      } catch (IllegalArgumentException unusableRow) {
        // a hand-edited row the validator skips anyway: it cannot claim certificates
      }
    }
    if (!clashing.isEmpty()) {
      throw ApiException.conflict(
          "服务商 "
              + code
              + " 与 "
              + String.join(", ", clashing)
              + " 的CA证书重叠(同一根证书须由各服务商分别列出其签发CA): 一张证书不能属于两个服务商");
    }
  }
}
