package io.certgate.server.provider;

import io.certgate.core.CertGateException;
import io.certgate.core.auth.AuthTokenValidator;
import io.certgate.core.auth.ChallengeCheck;
import io.certgate.core.auth.ValidatedToken;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.revocation.CrlState;
import io.certgate.core.token.WebOrigin;
import io.certgate.server.api.StartupRefused;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@link TrustRegistry} over the {@code ca_providers} table. The validator (with its CRL
 * background refresh) is built on first use and rebuilt by {@link #reload()} after every change;
 * the previous one is closed, which only stops its refreshing, so validations still running on it
 * complete. Each node polls the table too, so a change made through another node of a cluster
 * reaches it within {@code certgate.ca.providers-poll} (default 30 s).
 */
@Component
final class DbTrustRegistry implements TrustRegistry {
  private static final Logger log = LoggerFactory.getLogger(DbTrustRegistry.class);

  private final JdbcProviders providers;
  private final Clock clock;
  private final SecureRandom random;
  private final WebOrigin origin;
  private final Duration timeout;
  private final MeterRegistry meters;
  private final ApplicationEventPublisher events;
  private final RevocationMetrics revocationMetrics;
  private volatile @Nullable State state;

  DbTrustRegistry(
      JdbcProviders providers,
      Clock clock,
      SecureRandom random,
      @Value("${certgate.public-origin:http://localhost:8080}") String origin,
      @Value("${certgate.ca.revocation-timeout:3s}") Duration timeout,
      MeterRegistry meters,
      ApplicationEventPublisher events) {
    this.providers = providers;
    this.clock = clock;
    this.random = random;
    this.origin = publicOrigin(origin);
    this.timeout = timeout;
    this.meters = meters;
    this.events = events;
    this.revocationMetrics = new RevocationMetrics(meters, clock, this::crlStates);
  }

  /**
   * The configured public origin, read once at start-up and written as browsers send it (DESIGN §5
   * signs that serialisation); a value that is no origin stops the server instead of failing every
   * CA login later.
   */
  private static WebOrigin publicOrigin(String setting) {
    try {
      return WebOrigin.of(setting);
    } catch (IllegalArgumentException e) {
      throw new StartupRefused(
          "CERTGATE_PUBLIC_ORIGIN (certgate.public-origin): " + e.getMessage() + ".",
          "Set CERTGATE_PUBLIC_ORIGIN to the origin users open the platform at:"
              + " scheme://host[:port], e.g. https://zfcg.example.gov.cn, without a path.");
    }
  }

  /** A validator and the table rows it was built from. */
  private record State(
      CertificateValidator certificates, AuthTokenValidator tokens, List<Provider> source) {}

  @Override
  public ValidatedToken validate(String tokenJson, ChallengeCheck challenge)
      throws CertGateException {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "ERROR";
    try {
      ValidatedToken token = current().tokens().validate(tokenJson, challenge);
      auditRelaxations(token);
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

  private void auditRelaxations(ValidatedToken token) {
    var validated = token.validation();
    if (!validated.relaxed().isEmpty()) {
      List<String> rules = validated.relaxed().stream().map(Enum::name).sorted().toList();
      log.warn(
          "certificate {} of provider {} accepted only by relaxed profile rules {}",
          validated.fingerprint(),
          validated.providerCode(),
          rules);
      events.publishEvent(
          new ProfileRuleRelaxed(validated.providerCode(), validated.fingerprint(), rules));
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

  /** The CRLs held per provider code (monitoring); empty before the validator is first built. */
  Map<String, List<CrlState>> crlStates() {
    State s = state;
    return s == null ? Map.of() : s.certificates().crlStates();
  }

  /** The codes of the providers the current validator trusts (clashing rows are left out). */
  List<String> trustedCodes() {
    return current().certificates().providers().stream().map(ProviderTrust::code).toList();
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

  /**
   * Rebuilds when the table no longer matches what the validator was built from. A change made
   * through this node rebuilds at once; this catches changes made through another node of a cluster
   * (or by the directory loader of another node), within the poll interval.
   */
  @Scheduled(
      fixedDelayString = "${certgate.ca.providers-poll:30s}",
      initialDelayString = "${certgate.ca.providers-poll:30s}")
  void followTable() {
    State s = state;
    if (s == null) {
      return; // built from the table on first use
    }
    try {
      if (!providers.all().equals(s.source())) {
        log.info("CA providers changed in the database: rebuilding the validator");
        reload();
      }
    } catch (DataAccessException e) {
      log.warn("CA providers not re-read: {}", e.getMessage()); // kept until the next poll
    }
  }

  private State build(Optional<CertificateValidator> previous) {
    List<ProviderTrust> trusted = new ArrayList<>();
    List<Provider> source = providers.all();
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
            .providers(withoutClashes(trusted))
            .onOcspFailure(revocationMetrics::ocspFailed);
    previous.ifPresent(b::replacing);
    CertificateValidator certificates = b.build();
    revocationMetrics.track(certificates.crlStates().keySet());
    return new State(
        certificates,
        AuthTokenValidator.builder().certificateValidator(certificates).origin(origin).build(),
        source);
  }

  /**
   * Drops both providers of every clashing pair (DESIGN §3). Saving refuses clashes, so only rows
   * written around the API (or two nodes saving at once) can get here; keeping either one would let
   * it take the other's certificates, so neither is trusted until the configuration is fixed.
   */
  private static List<ProviderTrust> withoutClashes(List<ProviderTrust> trusted) {
    List<ProviderTrust> kept = new ArrayList<>(trusted);
    for (ProviderTrust a : trusted) {
      for (ProviderTrust b : trusted) {
        if (a != b && a.code().compareTo(b.code()) < 0 && a.clashesWith(b)) {
          log.error(
              "CA providers {} and {} list the same CA (one certificate could belong to both):"
                  + " both are skipped until one is changed",
              a.code(),
              b.code());
          kept.remove(a);
          kept.remove(b);
        }
      }
    }
    return kept;
  }

  @PreDestroy
  void close() {
    State s = state;
    if (s != null) {
      s.certificates().close();
    }
  }
}
