package io.certgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validation packages publish interfaces, builders and values; implementations stay inside. */
class ValidationApiBoundaryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.certgate.core.cert.DefaultCertificateValidator",
        "io.certgate.core.cert.PurposeCheck",
        "io.certgate.core.cert.ValidityCheck",
        "io.certgate.core.cert.TrustPath",
        "io.certgate.core.cert.RevocationCheck",
        "io.certgate.core.cert.ValidationCache",
        "io.certgate.core.revocation.BackgroundCrlStore",
        "io.certgate.core.revocation.CrlParser",
        "io.certgate.core.revocation.SerialIndex",
        "io.certgate.core.revocation.HttpOcspClient",
        "io.certgate.core.revocation.OcspResponseCheck",
        "io.certgate.core.auth.DefaultAuthTokenValidator"
      })
  void implementationIsPackagePrivateAndFinal(String name) throws ClassNotFoundException {
    Class<?> type = Class.forName(name);

    assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", name).isFalse();
    assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", name).isTrue();
  }
}
