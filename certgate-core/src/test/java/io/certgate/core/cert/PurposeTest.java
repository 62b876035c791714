package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.NotSignatureCertException;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserSpec;
import io.certgate.testpki.UserSpec.Variant;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Purpose#permits} is the rule the validator applies at step 5, not a copy of it. */
class PurposeTest {
  private static TestProvider provider;
  private static CertificateValidator validator;

  @BeforeAll
  static void provider() {
    provider = Pki.provider("purpose", KeyKind.EC_P256, Clock.systemUTC());
    validator =
        CertificateValidator.builder()
            .secureRandom(new SecureRandom())
            .provider(Pki.trust(provider, RevocationPolicy.none()))
            .build();
  }

  @AfterAll
  static void close() {
    validator.close();
  }

  @Test
  void permitsSignatureCertificateForLogin() throws Exception {
    X509Certificate certificate = signature(Variant.VALID);

    assertThat(Purpose.LOGIN.permits(certificate)).isTrue();
    assertThat(validator.validate(certificate, List.of(), Purpose.LOGIN).certificate())
        .isEqualTo(certificate);
  }

  @ParameterizedTest
  @EnumSource(
      value = Variant.class,
      names = {"NON_REPUDIATION_ONLY", "SERVER_AUTH_ONLY", "ENCRYPTION_ONLY", "WRONG_EKU"})
  void doesNotPermitWhatTheValidatorRefusesForLogin(Variant variant) {
    X509Certificate certificate = signature(variant);

    assertThat(Purpose.LOGIN.permits(certificate)).isFalse();
    assertThatThrownBy(() -> validator.validate(certificate, List.of(), Purpose.LOGIN))
        .isInstanceOf(NotSignatureCertException.class);
  }

  @Test
  void anyPurposePermitsAnEncryptionCertificate() {
    assertThat(Purpose.ANY.permits(signature(Variant.ENCRYPTION_ONLY))).isTrue();
  }

  private static X509Certificate signature(Variant variant) {
    return provider
        .issueUser(UserSpec.builder("用途测试").variant(variant).build())
        .signature()
        .certificate();
  }
}
