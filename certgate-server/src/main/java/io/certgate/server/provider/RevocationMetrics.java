package io.certgate.server.provider;

import io.certgate.core.revocation.CrlState;
import io.certgate.core.revocation.OcspFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Revocation metrics per provider, read from core's monitoring accessors at scrape time (core knows
 * nothing of Micrometer):
 *
 * <ul>
 *   <li>{@code certgate_crl_age_seconds{provider}}: seconds since the thisUpdate of the oldest CRL
 *       the provider holds (the CRL in use, not the time of the last download: a server re-serving
 *       an old CRL shows up here); NaN while it holds none;
 *   <li>{@code certgate_crl_next_update_seconds{provider}}: seconds until the first of its CRLs
 *       passes nextUpdate; at or below zero CRL lookups establish nothing (HARD refuses with {@code
 *       REVOCATION_UNKNOWN}); {@code -Inf} while one of its CRLs has never loaded;
 *   <li>{@code certgate_crl_failed_downloads{provider}}: failed downloads since the last good one,
 *       summed over its CRLs;
 *   <li>{@code certgate_ocsp_errors_total{provider, reason}}: OCSP exchanges that established
 *       nothing, reason one of {@link OcspFailure} in lower case ({@code timeout}, {@code
 *       http_error}, {@code unreachable}, {@code bad_response}, {@code bad_signature}, {@code
 *       unknown_status}, {@code no_responder}).
 * </ul>
 *
 * Tags are provider codes and a closed set of reasons; no URL or certificate data.
 */
final class RevocationMetrics {
  private final MeterRegistry meters;
  private final Clock clock;
  private final Supplier<Map<String, List<CrlState>>> states;
  private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();

  RevocationMetrics(
      MeterRegistry meters, Clock clock, Supplier<Map<String, List<CrlState>>> states) {
    this.meters = meters;
    this.clock = clock;
    this.states = states;
  }

  void ocspFailed(String provider, OcspFailure failure) {
    Counter.builder("certgate.ocsp.errors")
        .description("OCSP exchanges that established no status, by provider and reason")
        .tag("provider", provider)
        .tag("reason", failure.name().toLowerCase(Locale.ROOT))
        .register(meters)
        .increment();
  }

  /** Gauges for exactly these providers (those whose policy uses CRLs) from now on. */
  synchronized void track(Set<String> providers) {
    for (String gone : new ArrayList<>(gauges.keySet())) {
      if (!providers.contains(gone)) {
        gauges.remove(gone).forEach(meters::remove);
      }
    }
    for (String code : providers) {
      gauges.computeIfAbsent(code, this::register);
    }
  }

  private List<Meter> register(String code) {
    return List.of(
        gauge(code, "certgate.crl.age", "seconds", "Age of the oldest CRL held", this::age),
        gauge(
            code,
            "certgate.crl.next.update",
            "seconds",
            "Time until the first held CRL passes nextUpdate",
            this::untilNextUpdate),
        gauge(
            code,
            "certgate.crl.failed.downloads",
            null,
            "CRL downloads failed since the last good one",
            list -> list.stream().mapToInt(CrlState::failedDownloads).sum()));
  }

  private Gauge gauge(
      String code,
      String name,
      String unit,
      String description,
      ToDoubleFunction<List<CrlState>> value) {
    return Gauge.builder(name, this, m -> value.applyAsDouble(m.of(code)))
        .description(description)
        .baseUnit(unit)
        .tag("provider", code)
        .register(meters);
  }

  private List<CrlState> of(String code) {
    return states.get().getOrDefault(code, List.of());
  }

  private double age(List<CrlState> crls) {
    Instant now = clock.instant();
    return crls.stream()
        .flatMap(c -> c.thisUpdate().stream())
        .mapToDouble(t -> seconds(Duration.between(t, now)))
        .max()
        .orElse(Double.NaN);
  }

  private double untilNextUpdate(List<CrlState> crls) {
    Instant now = clock.instant();
    return crls.stream()
        .mapToDouble(
            c ->
                c.nextUpdate()
                    .map(n -> seconds(Duration.between(now, n)))
                    .orElse(Double.NEGATIVE_INFINITY))
        .min()
        .orElse(Double.NEGATIVE_INFINITY);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
