package io.certgate.server.provider;

import io.certgate.core.CertGateException;
import io.certgate.core.auth.AuthTokenValidator;
import io.certgate.core.auth.ChallengeCheck;
import io.certgate.core.auth.ValidatedToken;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.revocation.CrlState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@link TrustRegistry} over the {@code ca_providers} table. The validator (with its CRL
 * background refresh) is built on first use and rebuilt by {@link #reload()} after every change;
 * the previous one is closed, which only stops its refreshing, so validations still running on it
 * complete. A change made through another node of a cluster is picked up by {@link
 * #reloadIfChanged()} within {@code certgate.ca.providers-check}.
 */
@Component
final class DbTrustRegistry implements TrustRegistry {
  private static final Logger log = LoggerFactory.getLogger(DbTrustRegistry.class);

  private final JdbcProviders providers;
  private final Clock clock;
  private final SecureRandom random;
  private final String origin;
  private final Duration timeout;
  private final MeterRegistry meters;
  private final RevocationMetrics revocationMetrics;
  private volatile @Nullable State state;

  DbTrustRegistry(
      JdbcProviders providers,
      Clock clock,
      SecureRandom random,
      @Value("${certgate.public-origin:http://localhost:8080}") String origin,
      @Value("${certgate.ca.revocation-timeout:3s}") Duration timeout,
      MeterRegistry meters) {
    this.providers = providers;
    this.clock = clock;
    this.random = random;
    this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    this.timeout = timeout;
    this.meters = meters;
    this.revocationMetrics = new RevocationMetrics(meters, clock, this::crlStates);
  }

  /** The validator and the rows it was built from. */
  private record State(
      CertificateValidator certificates, AuthTokenValidator tokens, List<Provider> source) {}

  @Override
  public ValidatedToken validate(String tokenJson, ChallengeCheck challenge)
      throws CertGateException {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "ERROR";
    try {
      ValidatedToken token = current().tokens().validate(tokenJson, origin, challenge);
      outcome = "OK";
      return token;
    } catch (CertGateException e) {
      outcome = e.code().name();
      throw e;
    } finally {
      // the outcome tag keeps revocation failures (REVOCATION_UNKNOWN: OCSP or CRL unreachable)
      // visible apart from the fast refusals
      sample.stop(
          Timer.builder("certgate.ca.validation")
              .description("CA token validation: parse, challenge, signature, path, revocation")
              .tag("outcome", outcome)
              .register(meters));
    }
  }

  /**
   * Rebuilds the validator and waits for its CRLs. Rebuilding (rather than only refreshing the
   * CRLs) also drops the per-certificate result cache, which would otherwise keep accepting a
   * certificate revoked since it was cached until the cache entry's own expiry.
   */
  @Override
  public void refreshCrls() {
    reload();
    current().certificates().refreshCrls();
  }

  /**
   * Rebuilds the validator from the table. The new one starts from the CRLs the old one holds, so a
   * CRL server failing at that moment cannot take away a CRL that is still current.
   */
  synchronized void reload() {
    State old = state;
    state = build(Optional.ofNullable(old).map(State::certificates));
    if (old != null) {
      old.certificates().close();
    }
  }

  /**
   * In cluster mode another node may have added or changed a provider: its own validator is rebuilt
   * at once, this one when the table no longer matches the rows it was built from, so that no node
   * keeps refusing a new provider's locks, or trusting anchors an administrator removed, for longer
   * than the check interval. Reading a few provider rows is cheap next to the logins served
   * meanwhile. While the database is away the check is skipped and the validator kept.
   */
  @Scheduled(
      fixedDelayString = "${certgate.ca.providers-check:10s}",
      initialDelayString = "${certgate.ca.providers-check:10s}")
  void reloadIfChanged() {
    State s = state;
    if (s == null) {
      return; // first use reads the table
    }
    try {
      if (!providers.all().equals(s.source())) {
        log.info("CA providers changed in the database: reloading");
        reload();
      }
    } catch (DataAccessException e) {
      log.warn("CA providers not checked for changes: {}", e.getMessage());
    }
  }

  /** The CRLs held per provider code (monitoring); empty before the validator is first built. */
  Map<String, List<CrlState>> crlStates() {
    State s = state;
    return s == null ? Map.of() : s.certificates().crlStates();
  }

  /** The timeout configured for CRL and OCSP requests. */
  Duration timeout() {
    return timeout;
  }

  private State current() {
    State s = state;
    if (s == null) {
      synchronized (this) {
        if (state == null) {
          state = build(Optional.empty());
        }
        s = state;
      }
    }
    return s;
  }

  private State build(Optional<CertificateValidator> previous) {
    List<Provider> source = providers.all();
    List<ProviderTrust> trusted = new ArrayList<>();
    for (Provider p : source) {
      try {
        trusted.add(ProviderSpec.trust(p, timeout));
      } catch (IllegalArgumentException e) {
        // stored through the same checks, so only a hand-edited row can get here
        log.warn("CA provider {} skipped: {}", p.code(), e.getMessage());
      }
    }
    CertificateValidator.Builder b =
        CertificateValidator.builder()
            .clock(clock)
            .secureRandom(random)
            .providers(trusted)
            .onOcspFailure(revocationMetrics::ocspFailed);
    previous.ifPresent(b::replacing);
    CertificateValidator certificates = b.build();
    revocationMetrics.track(certificates.crlStates().keySet());
    return new State(
        certificates,
        AuthTokenValidator.builder().certificateValidator(certificates).build(),
        source);
  }

  @PreDestroy
  void close() {
    State s = state;
    if (s != null) {
      s.certificates().close();
    }
  }
}
