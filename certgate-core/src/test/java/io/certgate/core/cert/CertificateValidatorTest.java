package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import io.certgate.testpki.UserSpec.Variant;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateValidatorTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Map<KeyKind, TestProvider> PROVIDERS = new EnumMap<>(KeyKind.class);
  private static TestProvider stranger;
  private static CertificateValidator validator;

  @BeforeAll
  static void providers() {
    for (KeyKind kind : KeyKind.values()) {
      PROVIDERS.put(
          kind, Pki.provider("demo-" + kind.name().toLowerCase().replace('_', '-'), kind, CLOCK));
    }
    stranger = Pki.provider("stranger", KeyKind.EC_P256, CLOCK);
    CertificateValidator.Builder builder =
        CertificateValidator.builder().clock(CLOCK).secureRandom(new SecureRandom());
    PROVIDERS.values().forEach(p -> builder.provider(Pki.trust(p, RevocationPolicy.none())));
    validator = builder.build();
  }

  @AfterAll
  static void close() {
    validator.close();
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void acceptsSignatureCertificateOfEachKeyKind(KeyKind kind) throws CertGateException {
    TestProvider provider = PROVIDERS.get(kind);
    UserCredentials user = provider.issueUser("张三");

    ValidatedCertificate validated =
        validator.validate(user.signature().certificate(), List.of(), Purpose.LOGIN);

    assertThat(validated.providerCode()).isEqualTo(provider.code());
    assertThat(validated.lockId()).isEqualTo(user.lockId());
    assertThat(validated.path())
        .containsExactly(
            user.signature().certificate(),
            provider.issuingCertificate(),
            provider.rootCertificate());
    assertThat(validated.fingerprint())
        .hasSize(64)
        .isEqualTo(Certificates.fingerprint(user.signature().certificate()));
    assertThat(validated.validUntil())
        .isEqualTo(user.signature().certificate().getNotAfter().toInstant());
  }

  @Test
  void rejectsEncryptionCertificateOfTheDualPair() {
    UserCredentials user = PROVIDERS.get(KeyKind.SM2).issueUser("李四");

    assertRefused(user.encryption().certificate(), ErrorCode.NOT_SIGNATURE_CERT);
  }

  @ParameterizedTest
  @EnumSource(
      value = Variant.class,
      names = {"ENCRYPTION_ONLY", "WRONG_EKU", "NO_KEY_USAGE"})
  void rejectsCertificateThatIsNotForSignatureLogin(Variant variant) {
    assertRefused(signature(KeyKind.EC_P256, variant), ErrorCode.NOT_SIGNATURE_CERT);
  }

  @Test
  void purposeAnySkipsTheKeyUsageCheck() throws CertGateException {
    UserCredentials user = PROVIDERS.get(KeyKind.RSA_2048).issueUser("王五");

    ValidatedCertificate validated =
        validator.validate(user.encryption().certificate(), List.of(), Purpose.ANY);

    assertThat(validated.providerCode()).isEqualTo(PROVIDERS.get(KeyKind.RSA_2048).code());
  }

  @Test
  void anAnyPurposeValidationDoesNotLetTheCertificateLogIn() throws CertGateException {
    X509Certificate encryption =
        PROVIDERS.get(KeyKind.EC_P256).issueUser("褚六").encryption().certificate();
    validator.validate(encryption, List.of(), Purpose.ANY);

    assertRefused(encryption, ErrorCode.NOT_SIGNATURE_CERT);
    assertThat(validator.validate(encryption, List.of(), Purpose.ANY).certificate())
        .isEqualTo(encryption);
  }

  @Test
  void rejectsExpiredCertificate() {
    assertRefused(signature(KeyKind.RSA_2048, Variant.EXPIRED), ErrorCode.CERT_EXPIRED);
  }

  @Test
  void rejectsNotYetValidCertificate() {
    assertRefused(signature(KeyKind.SM2, Variant.NOT_YET_VALID), ErrorCode.CERT_NOT_YET_VALID);
  }

  @Test
  void rejectsCertificateOfAnotherProvidersRoot() {
    assertRefused(stranger.issueUser("赵六").signature().certificate(), ErrorCode.CERT_UNTRUSTED);
  }

  @Test
  void neverTrustsARootOfferedInTheTokensChain() {
    UserCredentials user = stranger.issueUser("钱七");

    assertThatThrownBy(
            () ->
                validator.validate(
                    user.signature().certificate(), user.signature().issuers(), Purpose.LOGIN))
        .isInstanceOfSatisfying(
            CertGateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_UNTRUSTED));
  }

  @Test
  void usesTheTokensChainForAMissingIntermediate() throws CertGateException {
    TestProvider provider = PROVIDERS.get(KeyKind.EC_P256);
    ProviderTrust rootOnly =
        ProviderTrust.builder("root-only")
            .anchor(provider.rootCertificate())
            .lockIdRule(Pki.trust(provider, RevocationPolicy.none()).lockIdRule())
            .build();
    UserCredentials user = provider.issueUser("孙八");
    try (CertificateValidator v =
        CertificateValidator.builder()
            .clock(CLOCK)
            .secureRandom(new SecureRandom())
            .provider(rootOnly)
            .build()) {
      X509Certificate cert = user.signature().certificate();
      assertThatThrownBy(() -> v.validate(cert, List.of(), Purpose.LOGIN))
          .isInstanceOfSatisfying(
              CertGateException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_UNTRUSTED));

      assertThat(v.validate(cert, List.of(provider.issuingCertificate()), Purpose.LOGIN).path())
          .hasSize(3);
    }
  }

  @Test
  void reportsADisabledProvider() {
    TestProvider provider = PROVIDERS.get(KeyKind.EC_P256);
    ProviderTrust disabled =
        ProviderTrust.builder("off").anchors(provider.anchors()).enabled(false).build();
    try (CertificateValidator v =
        CertificateValidator.builder()
            .clock(CLOCK)
            .secureRandom(new SecureRandom())
            .provider(disabled)
            .build()) {
      X509Certificate cert = provider.issueUser("周九").signature().certificate();

      assertThatThrownBy(() -> v.validate(cert, List.of(), Purpose.LOGIN))
          .isInstanceOfSatisfying(
              CertGateException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_DISABLED));
    }
  }

  @Test
  void rejectsCertificateWithoutTheLockIdTheProviderPromised() {
    TestProvider provider = PROVIDERS.get(KeyKind.RSA_2048);
    ProviderTrust subjectRule =
        ProviderTrust.builder("subject-rule")
            .anchors(provider.anchors())
            .lockIdRule(io.certgate.core.lockid.LockIdRule.parse("SUBJECT_ATTRIBUTE:1.2.3.4.5"))
            .build();
    try (CertificateValidator v =
        CertificateValidator.builder()
            .clock(CLOCK)
            .secureRandom(new SecureRandom())
            .provider(subjectRule)
            .build()) {
      X509Certificate cert = provider.issueUser("冯二").signature().certificate();

      assertThatThrownBy(() -> v.validate(cert, List.of(), Purpose.LOGIN))
          .isInstanceOfSatisfying(
              CertGateException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_MALFORMED));
    }
  }

  @Test
  void rejectsCertificateBelowAnExpiredIntermediate() {
    io.certgate.core.support.MutableClock clock = new io.certgate.core.support.MutableClock(NOW);
    TestProvider provider = Pki.provider("old-ca", KeyKind.EC_P256, clock);
    Instant caExpiry = provider.issuingCertificate().getNotAfter().toInstant();
    clock.set(caExpiry.minus(java.time.Duration.ofDays(30)));
    X509Certificate cert = provider.issueUser("陈三").signature().certificate();
    clock.set(caExpiry.plus(java.time.Duration.ofDays(1)));
    assertThat(cert.getNotAfter().toInstant()).isAfter(clock.instant());
    try (CertificateValidator v =
        CertificateValidator.builder()
            .clock(clock)
            .secureRandom(new SecureRandom())
            .provider(Pki.trust(provider, RevocationPolicy.none()))
            .build()) {

      assertThatThrownBy(() -> v.validate(cert, List.of(), Purpose.LOGIN))
          .isInstanceOfSatisfying(
              CertGateException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CERT_EXPIRED);
                assertThat(e.getMessage()).contains("Issuing CA");
              });
    }
  }

  @Test
  void reusesAValidationUntilItExpires() throws CertGateException {
    X509Certificate cert = PROVIDERS.get(KeyKind.SM2).issueUser("吴十").signature().certificate();

    ValidatedCertificate first = validator.validate(cert, List.of(), Purpose.LOGIN);
    ValidatedCertificate second = validator.validate(cert, List.of(), Purpose.LOGIN);

    assertThat(second).isSameAs(first);
  }

  @Test
  void decodingIdenticalBytesOfACachedValidationSkipsParsing() throws Exception {
    TestProvider provider = PROVIDERS.get(KeyKind.EC_P256);
    X509Certificate cert = provider.issueUser("卫四").signature().certificate();
    ValidatedCertificate validated = validator.validate(cert, List.of(), Purpose.LOGIN);

    assertThat(validator.decode(cert.getEncoded())).isSameAs(validated.certificate());
    assertThat(validator.decode(provider.issuingCertificate().getEncoded()))
        .isSameAs(validated.path().get(1));
    X509Certificate unseen = provider.issueUser("蒋五").signature().certificate();
    assertThat(validator.decode(unseen.getEncoded())).isEqualTo(unseen).isNotSameAs(unseen);
    assertThatThrownBy(() -> validator.decode(new byte[] {0x30, 0x00}))
        .isInstanceOfSatisfying(
            CertGateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_MALFORMED));
  }

  @Test
  void refusesAnchorThatIsNotACaCertificate() {
    X509Certificate endEntity =
        PROVIDERS.get(KeyKind.EC_P256).issueUser("郑一").signature().certificate();
    ProviderTrust.Builder builder =
        ProviderTrust.builder("bad")
            .anchor(PROVIDERS.get(KeyKind.EC_P256).rootCertificate())
            .anchor(endEntity);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a CA certificate");
  }

  @Test
  void refusesProviderWithoutRoot() {
    ProviderTrust.Builder builder =
        ProviderTrust.builder("no-root").anchor(PROVIDERS.get(KeyKind.SM2).issuingCertificate());

    assertThatThrownBy(builder::build).hasMessageContaining("root");
  }

  private static X509Certificate signature(KeyKind kind, Variant variant) {
    return PROVIDERS
        .get(kind)
        .issueUser(UserSpec.builder("测试用户").variant(variant).build())
        .signature()
        .certificate();
  }

  private static void assertRefused(X509Certificate certificate, ErrorCode code) {
    assertThatThrownBy(() -> validator.validate(certificate, List.of(), Purpose.LOGIN))
        .isInstanceOfSatisfying(CertGateException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
