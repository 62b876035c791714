package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.revocation.RevocationPolicy.Failure;
import io.certgate.core.revocation.RevocationPolicy.Mode;
import io.certgate.core.support.BytesServer;
import io.certgate.core.support.MutableClock;
import io.certgate.core.support.OcspTestResponder;
import io.certgate.core.support.OcspTestResponder.Fault;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Revocation through a {@link CertificateValidator}, over real HTTP on loopback. */
class RevocationIT {
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
  private static final Duration CRL_LIFETIME = Duration.ofHours(6);

  private final MutableClock clock = new MutableClock(START);
  private final BytesServer crlServer = new BytesServer();
  private OcspTestResponder ocsp;
  private CertificateValidator validator;

  @AfterEach
  void close() {
    if (validator != null) {
      validator.close();
    }
    if (ocsp != null) {
      ocsp.close();
    }
    crlServer.close();
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void crlRefusesRevokedEndCertificateAndAcceptsOthers(KeyKind kind) throws CertGateException {
    TestProvider provider = Pki.provider("crl-" + kind.ordinal(), kind, clock);
    X509Certificate good = user(provider);
    X509Certificate revoked = user(provider);
    provider.revoke(revoked);
    validator = validator(provider, crlPolicy(provider, Failure.HARD));

    assertThat(validator.validate(good, List.of(), Purpose.LOGIN).revocation())
        .allMatch(source -> source.startsWith("CRL http://127.0.0.1"));
    assertCode(() -> validator.validate(revoked, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void crlOfTheRootRefusesEveryCertificateBelowARevokedIntermediate() {
    TestProvider provider = Pki.provider("crl-int", KeyKind.EC_P256, clock);
    X509Certificate cert = user(provider);
    provider.revoke(provider.issuingCertificate());
    validator = validator(provider, crlPolicy(provider, Failure.HARD));

    assertCode(() -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void certificateRevokedAfterACachedLoginIsRefusedOnceTheNewCrlIsInstalled()
      throws CertGateException {
    TestProvider provider = Pki.provider("crl-recheck", KeyKind.EC_P256, clock);
    X509Certificate cert = user(provider);
    validator = validator(provider, crlPolicy(provider, Failure.HARD));
    validator.validate(cert, List.of(), Purpose.LOGIN); // now cached until the CRL's nextUpdate

    clock.advance(Duration.ofMinutes(30));
    provider.revoke(cert);
    publishCrls(provider);
    validator.refreshCrls();

    assertCode(() -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void crlPastItsNextUpdateEstablishesNothing() throws CertGateException {
    TestProvider provider = Pki.provider("crl-stale", KeyKind.EC_P256, clock);
    X509Certificate cert = user(provider);
    validator = validator(provider, crlPolicy(provider, Failure.HARD));
    ValidatedCertificate first = validator.validate(cert, List.of(), Purpose.LOGIN);
    assertThat(first.validUntil()).isEqualTo(START.plus(CRL_LIFETIME));

    clock.advance(CRL_LIFETIME.plusSeconds(1));

    assertCode(
        () -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
  }

  @Test
  void garbageDownloadKeepsTheOldCrlUntilItsNextUpdate() throws CertGateException {
    TestProvider provider = Pki.provider("crl-garbage", KeyKind.SM2, clock);
    validator = validator(provider, crlPolicy(provider, Failure.HARD));
    validator.validate(user(provider), List.of(), Purpose.LOGIN);

    crlServer.put(
        "/" + provider.code() + "/issuing.crl",
        "<html>oops</html>".getBytes(StandardCharsets.UTF_8));
    validator.refreshCrls();
    clock.advance(Duration.ofHours(1));
    X509Certificate fresh = user(provider);
    assertThat(validator.validate(fresh, List.of(), Purpose.LOGIN).providerCode())
        .isEqualTo(provider.code());

    clock.advance(CRL_LIFETIME);
    assertCode(
        () -> validator.validate(fresh, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
  }

  @Test
  void missingCrlIsUnknownWhenHardAndAcceptedWhenSoft() throws CertGateException {
    TestProvider provider = Pki.provider("crl-missing", KeyKind.RSA_2048, clock);
    X509Certificate cert = user(provider);
    RevocationPolicy.Builder nowhere =
        RevocationPolicy.builder().mode(Mode.CRL).crlUrl(crlServer.url("/nowhere.crl"));
    validator = validator(provider, nowhere.failure(Failure.HARD).build());
    assertCode(
        () -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
    validator.close();

    validator = validator(provider, nowhere.failure(Failure.SOFT).build());
    ValidatedCertificate accepted = validator.validate(cert, List.of(), Purpose.LOGIN);
    assertThat(accepted.revocation()).contains("unknown (SOFT)");
    // An accepted unknown is not an answer: the next login asks again instead of reusing it.
    assertThat(validator.validate(cert, List.of(), Purpose.LOGIN)).isNotSameAs(accepted);
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void ocspRefusesRevokedEndCertificateAndAcceptsOthers(KeyKind kind) throws CertGateException {
    TestProvider provider = Pki.provider("ocsp-" + kind.ordinal(), kind, clock);
    X509Certificate good = user(provider);
    X509Certificate revoked = user(provider);
    provider.revoke(revoked);
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.HARD));

    assertThat(validator.validate(good, List.of(), Purpose.LOGIN).revocation())
        .containsOnly("OCSP " + ocsp.url());
    assertCode(() -> validator.validate(revoked, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void ocspRefusesCertificateBelowARevokedIntermediate() {
    TestProvider provider = Pki.provider("ocsp-int", KeyKind.SM2, clock);
    X509Certificate cert = user(provider);
    provider.revoke(provider.issuingCertificate());
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.HARD));

    assertCode(() -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void ocspDownIsUnknownWhenHardAndAcceptedWhenSoft() throws CertGateException {
    TestProvider provider = Pki.provider("ocsp-down", KeyKind.EC_P256, clock);
    X509Certificate cert = user(provider);
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.HARD));
    ocsp.fault(Fault.DOWN);
    assertCode(
        () -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
    validator.close();

    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.SOFT));
    ocsp.fault(Fault.DOWN);
    assertThat(validator.validate(cert, List.of(), Purpose.LOGIN).revocation())
        .containsOnly("unknown (SOFT)");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"WRONG_NONCE", "NO_NONCE", "BAD_SIGNATURE", "STATUS_UNKNOWN", "EXPIRED_ANSWER"})
  void untrustworthyOcspAnswerIsUnknown(Fault fault) {
    TestProvider provider = Pki.provider("ocsp-fault", KeyKind.EC_P256, clock);
    X509Certificate cert = user(provider);
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.HARD));
    ocsp.fault(fault);

    assertCode(
        () -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
  }

  @Test
  void ocspAnswerSignedByACertificateWithoutOcspSigningIsUnknown() {
    TestProvider provider = Pki.provider("ocsp-unauth", KeyKind.RSA_2048, clock);
    X509Certificate cert = user(provider);
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.HARD));
    ocsp.signWith(provider.issueUser("not a responder").signature());

    assertCode(
        () -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
  }

  @Test
  void ocspAnswerOfADelegatedResponderIsAccepted() throws CertGateException {
    TestProvider provider = Pki.provider("ocsp-delegate", KeyKind.SM2, clock);
    X509Certificate revoked = user(provider);
    provider.revoke(revoked);
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP, Failure.HARD));
    ocsp.signWith(provider.issueOcspResponder());

    assertThat(validator.validate(user(provider), List.of(), Purpose.LOGIN).providerCode())
        .isEqualTo(provider.code());
    assertCode(() -> validator.validate(revoked, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void ocspThenCrlFallsBackToTheCrlWhenTheResponderIsDown() throws CertGateException {
    TestProvider provider = Pki.provider("fallback", KeyKind.EC_P256, clock);
    X509Certificate good = user(provider);
    X509Certificate revoked = user(provider);
    provider.revoke(revoked);
    validator = validator(provider, ocspPolicy(provider, Mode.OCSP_THEN_CRL, Failure.HARD));
    ocsp.fault(Fault.DOWN);

    assertThat(validator.validate(good, List.of(), Purpose.LOGIN).revocation())
        .allMatch(source -> source.startsWith("CRL "));
    assertCode(() -> validator.validate(revoked, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
  }

  @Test
  void aReplacingValidatorKeepsTheCrlsWhileTheServerServesGarbageAndReportsThem()
      throws CertGateException {
    TestProvider provider = Pki.provider("crl-handover", KeyKind.EC_P256, clock);
    X509Certificate revoked = user(provider);
    provider.revoke(revoked);
    RevocationPolicy policy = crlPolicy(provider, Failure.HARD);
    CertificateValidator first = validator(provider, policy);
    assertCode(() -> first.validate(revoked, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
    for (URI url : policy.crlUrls()) {
      crlServer.put(url.getPath(), "garbage".getBytes(StandardCharsets.US_ASCII));
    }

    validator =
        CertificateValidator.builder()
            .clock(clock)
            .secureRandom(new SecureRandom())
            .provider(Pki.trust(provider, policy))
            .replacing(first)
            .build();
    first.close();
    validator.refreshCrls();

    assertCode(() -> validator.validate(revoked, List.of(), Purpose.LOGIN), ErrorCode.CERT_REVOKED);
    List<io.certgate.core.revocation.CrlState> held = validator.crlStates().get(provider.code());
    assertThat(held).hasSize(2);
    assertThat(held)
        .allSatisfy(
            c -> {
              assertThat(c.thisUpdate()).contains(START);
              assertThat(c.nextUpdate()).contains(START.plus(CRL_LIFETIME));
              assertThat(c.failedDownloads()).isPositive();
            });
  }

  @Test
  void aCrlServerStallingForOneProviderDoesNotHoldUpAnothersCrls() throws CertGateException {
    TestProvider stalled = Pki.provider("crl-stalled", KeyKind.EC_P256, clock);
    TestProvider healthy = Pki.provider("crl-healthy", KeyKind.EC_P256, clock);
    try (BytesServer stalling = new BytesServer()) {
      Instant now = clock.instant();
      URI stalledUrl = stalling.put("/s.crl", crlBytes(stalled.crl(now, now.plus(CRL_LIFETIME))));
      stalling.stall(Duration.ofSeconds(30));
      RevocationPolicy stalledPolicy =
          RevocationPolicy.builder().mode(Mode.CRL).crlUrl(stalledUrl).build();
      validator =
          CertificateValidator.builder()
              .clock(clock)
              .secureRandom(new SecureRandom())
              .provider(Pki.trust(stalled, stalledPolicy)) // registered, so refreshed, first
              .provider(Pki.trust(healthy, crlPolicy(healthy, Failure.HARD)))
              .build();

      long start = System.nanoTime();
      validator.validate(user(healthy), List.of(), Purpose.LOGIN);
      // well inside the 10 s a first lookup may wait for a CRL still loading
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }
  }

  private static byte[] crlBytes(java.security.cert.X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void ocspFailuresAreReportedWithTheProviderCode() {
    TestProvider provider = Pki.provider("ocsp-report", KeyKind.EC_P256, clock);
    X509Certificate cert = user(provider);
    List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    RevocationPolicy policy = ocspPolicy(provider, Mode.OCSP, Failure.HARD);
    ocsp.fault(Fault.BAD_SIGNATURE);
    validator =
        CertificateValidator.builder()
            .clock(clock)
            .secureRandom(new SecureRandom())
            .provider(Pki.trust(provider, policy))
            .onOcspFailure((code, failure) -> reported.add(code + ":" + failure))
            .build();

    assertCode(
        () -> validator.validate(cert, List.of(), Purpose.LOGIN), ErrorCode.REVOCATION_UNKNOWN);
    assertThat(reported).containsExactly(provider.code() + ":BAD_SIGNATURE");
  }

  private RevocationPolicy crlPolicy(TestProvider provider, Failure failure) {
    return RevocationPolicy.builder()
        .mode(Mode.CRL)
        .failure(failure)
        .crlUrls(publishCrls(provider))
        .build();
  }

  private RevocationPolicy ocspPolicy(TestProvider provider, Mode mode, Failure failure) {
    if (ocsp == null) {
      ocsp = new OcspTestResponder(provider, clock);
    }
    return RevocationPolicy.builder()
        .mode(mode)
        .failure(failure)
        .ocspUrl(ocsp.url())
        .crlUrls(mode == Mode.OCSP_THEN_CRL ? publishCrls(provider) : List.of())
        .timeout(Duration.ofSeconds(2))
        .build();
  }

  private List<URI> publishCrls(TestProvider provider) {
    Instant now = clock.instant();
    try {
      return List.of(
          crlServer.put(
              "/" + provider.code() + "/issuing.crl",
              provider.crl(now, now.plus(CRL_LIFETIME)).getEncoded()),
          crlServer.put(
              "/" + provider.code() + "/root.crl",
              provider.rootCrl(now, now.plus(CRL_LIFETIME)).getEncoded()));
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
  }

  private CertificateValidator validator(TestProvider provider, RevocationPolicy policy) {
    return CertificateValidator.builder()
        .clock(clock)
        .secureRandom(new SecureRandom())
        .provider(Pki.trust(provider, policy))
        .build();
  }

  private static X509Certificate user(TestProvider provider) {
    return provider.issueUser("用户").signature().certificate();
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CertGateException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
