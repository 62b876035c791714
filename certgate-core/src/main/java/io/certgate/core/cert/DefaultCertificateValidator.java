package io.certgate.core.cert;

import io.certgate.core.CertGateException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.CertUntrustedException;
import io.certgate.core.ProviderAmbiguousException;
import io.certgate.core.ProviderDisabledException;
import io.certgate.core.revocation.CrlState;
import io.certgate.core.revocation.CrlStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The {@link CertificateValidator}: the checks of DESIGN §8 steps 5–7, composed in order. */
final class DefaultCertificateValidator implements CertificateValidator {
  private static final int REFRESH_THREADS = 4;
  private final Clock clock;
  private final List<TrustedProvider> providers;
  private final ScheduledExecutorService scheduler;
  private final Optional<ValidationCache> cache;
  private final Map<String, X509Certificate> anchors;

  private DefaultCertificateValidator(
      Clock clock,
      List<TrustedProvider> providers,
      ScheduledExecutorService scheduler,
      int cacheSize) {
    this.clock = clock;
    this.providers = providers;
    this.scheduler = scheduler;
    this.cache = cacheSize == 0 ? Optional.empty() : Optional.of(new ValidationCache(cacheSize));
    Map<String, X509Certificate> byFingerprint = new HashMap<>();
    providers.forEach(
        p -> p.trust().anchors().forEach(a -> byFingerprint.put(Certificates.fingerprint(a), a)));
    this.anchors = Map.copyOf(byFingerprint);
  }

  static DefaultCertificateValidator start(CertificateValidator.Builder b) {
    // Several threads: a CRL server that stalls holds one of them (up to the download limit), not
    // the first loads and refreshes of every other provider's CRLs.
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(
            REFRESH_THREADS,
            task -> {
              Thread thread = new Thread(task, "certgate-revocation-refresh");
              thread.setDaemon(true);
              return thread;
            });
    List<TrustedProvider> started = new ArrayList<>();
    for (ProviderTrust trust : b.providers) {
      Optional<CrlStore> predecessor = b.predecessor.flatMap(old -> crlsOf(old, trust.code()));
      started.add(
          TrustedProvider.start(trust, b.clock, b.random, scheduler, b.onOcspFailure, predecessor));
    }
    return new DefaultCertificateValidator(b.clock, List.copyOf(started), scheduler, b.cacheSize);
  }

  private static Optional<CrlStore> crlsOf(CertificateValidator validator, String code) {
    if (!(validator instanceof DefaultCertificateValidator old)) {
      return Optional.empty();
    }
    return old.providers.stream()
        .filter(p -> p.trust().code().equals(code))
        .findFirst()
        .flatMap(TrustedProvider::crls);
  }

  @Override
  public ValidatedCertificate validate(
      X509Certificate certificate, List<X509Certificate> chain, Purpose purpose)
      throws CertGateException {
    X509Certificate target = Certificates.asBouncyCastle(certificate);
    Instant now = clock.instant();
    String fingerprint = Certificates.fingerprint(target);
    // Read before validating: a CRL installed meanwhile makes this result's entry stale at once.
    long generation = revocationGeneration();
    // A hit is a certificate of identical bytes that passed this purpose, on a path valid until
    // validUntil (at most the earliest notAfter): the checks it skips cannot fail now.
    Optional<ValidatedCertificate> cached =
        cache.flatMap(c -> c.get(fingerprint, now, purpose, generation));
    if (cached.isPresent()) {
      return cached.get();
    }
    PurposeCheck.check(target, purpose);
    ValidityCheck.check(target, now);
    List<X509Certificate> helpers = new ArrayList<>();
    for (X509Certificate c : chain) {
      helpers.add(Certificates.asBouncyCastle(c));
    }
    Found found = findPath(target, helpers, now);
    ValidityCheck.checkAll(found.path(), now);
    AnchorNameConstraints.check(found.path());
    CriticalExtensionsCheck.check(found.path());
    Set<ProfileRule> relaxed =
        ProfileCheck.check(found.path(), found.provider().trust().relaxedRules());
    String lockId = found.provider().trust().lockIdRule().extract(target);
    RevocationCheck.Result revocation = found.provider().revocation().check(found.path());
    Instant until = validUntil(found.path(), revocation);
    ValidatedCertificate validated =
        new ValidatedCertificate(
            target,
            found.path(),
            found.provider().trust(),
            lockId,
            fingerprint,
            revocation.sources(),
            until,
            relaxed);
    if (revocation.complete()) {
      cache.ifPresent(c -> c.put(validated, purpose, generation));
    }
    return validated;
  }

  /** Grows whenever any provider installs a CRL; see {@link CrlStore#generation()}. */
  private long revocationGeneration() {
    long sum = 0;
    for (TrustedProvider provider : providers) {
      if (provider.crls().isPresent()) {
        sum += provider.crls().get().generation();
      }
    }
    return sum;
  }

  private record Found(TrustedProvider provider, List<X509Certificate> path) {}

  /**
   * Finds the one provider the certificate belongs to (DESIGN §3): every provider whose path
   * builder reaches its roots and whose scope owns that path. Two owners are a configuration error,
   * never "the first one found". When no provider has a path at the clock, the same is tried at the
   * certificate's notBefore, so that an intermediate or root that has since expired is reported as
   * such (by the validity check of the caller) rather than as untrusted.
   */
  private Found findPath(X509Certificate target, List<X509Certificate> chain, Instant now)
      throws CertGateException {
    Instant issuedAt = target.getNotBefore().toInstant();
    for (Instant at : List.of(now, issuedAt)) {
      List<Found> owners = new ArrayList<>();
      for (TrustedProvider provider : providers) {
        if (!provider.scope().mayReach(target, chain)) {
          continue;
        }
        Optional<List<X509Certificate>> path = provider.path().build(target, chain, at);
        if (path.isPresent() && provider.scope().owns(path.get())) {
          owners.add(new Found(provider, path.get()));
        }
      }
      if (owners.size() > 1) {
        throw new ProviderAmbiguousException(
            "certificate belongs to providers "
                + owners.stream().map(f -> f.provider().trust().code()).toList()
                + ": configuration error");
      }
      if (owners.size() == 1) {
        Found found = owners.get(0);
        if (!found.provider().trust().enabled()) {
          throw new ProviderDisabledException(
              "provider " + found.provider().trust().code() + " is disabled");
        }
        return found;
      }
    }
    throw new CertUntrustedException(
        "no path through the CA certificates of a provider from "
            + target.getSubjectX500Principal().getName());
  }

  private static Instant validUntil(List<X509Certificate> path, RevocationCheck.Result revocation) {
    Instant until =
        path.stream()
            .map(c -> c.getNotAfter().toInstant())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    return revocation.nextUpdate().filter(until::isAfter).orElse(until);
  }

  @Override
  public X509Certificate decode(byte[] der) throws CertMalformedException {
    String fingerprint = Certificates.fingerprint(der);
    X509Certificate anchor = anchors.get(fingerprint); // a token's chain usually repeats them
    if (anchor != null) {
      return anchor;
    }
    Optional<ValidatedCertificate> cached = cache.flatMap(c -> c.get(fingerprint, clock.instant()));
    return cached.isPresent() ? cached.get().certificate() : Certificates.decode(der);
  }

  @Override
  public void refreshCrls() {
    providers.forEach(p -> p.crls().ifPresent(CrlStore::refreshNow));
  }

  @Override
  public List<ProviderTrust> providers() {
    return providers.stream().map(TrustedProvider::trust).toList();
  }

  @Override
  public Map<String, List<CrlState>> crlStates() {
    Map<String, List<CrlState>> states = new java.util.LinkedHashMap<>();
    providers.forEach(p -> p.crls().ifPresent(c -> states.put(p.trust().code(), c.crls())));
    return states;
  }

  @Override
  public void close() {
    providers.forEach(p -> p.crls().ifPresent(c -> c.close()));
    scheduler.shutdownNow();
  }
}
