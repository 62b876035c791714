package io.certgate.core.cert;

import io.certgate.core.revocation.CrlStore;
import io.certgate.core.revocation.OcspClient;
import io.certgate.core.revocation.OcspFailure;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.revocation.RevocationPolicy.Mode;
import io.certgate.core.revocation.RevocationSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

/** A provider ready for validation: its path builder and its revocation sources. */
record TrustedProvider(
    ProviderTrust trust,
    ProviderScope scope,
    TrustPath path,
    RevocationCheck revocation,
    Optional<CrlStore> crls) {

  static TrustedProvider start(
      ProviderTrust trust,
      Clock clock,
      SecureRandom random,
      ScheduledExecutorService scheduler,
      BiConsumer<String, OcspFailure> onOcspFailure,
      Optional<CrlStore> predecessor) {
    RevocationPolicy policy = trust.revocation();
    Optional<CrlStore> crls = Optional.empty();
    if (policy.mode() == Mode.CRL || policy.mode() == Mode.OCSP_THEN_CRL) {
      CrlStore.Builder b =
          CrlStore.builder()
              .clock(clock)
              .issuers(trust.anchors())
              .crlUrls(policy.crlUrls())
              .timeout(policy.timeout())
              .scheduler(scheduler);
      predecessor.ifPresent(b::replacing);
      crls = Optional.of(b.build());
    }
    Optional<RevocationSource> ocsp = Optional.empty();
    if (policy.mode() == Mode.OCSP || policy.mode() == Mode.OCSP_THEN_CRL) {
      ocsp =
          Optional.of(
              OcspClient.builder()
                  .clock(clock)
                  .secureRandom(random)
                  .responderUrl(policy.ocspUrl())
                  .trustedResponder(policy.ocspResponderCertificate())
                  .timeout(policy.timeout())
                  .clockSkew(policy.clockSkew())
                  .onFailure(failure -> onOcspFailure.accept(trust.code(), failure))
                  .build());
    }
    return new TrustedProvider(
        trust,
        ProviderScope.of(trust),
        new TrustPath(trust.anchors()),
        new RevocationCheck(policy, ocsp, crls.map(RevocationSource.class::cast)),
        crls);
  }
}
