package io.certgate.server.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorBundleTest {
  private static final TestProvider SM2 =
      TestProvider.create("anchors-sm2", KeyKind.SM2, Instant.now());
  private static final TestProvider RSA =
      TestProvider.create("anchors-rsa", KeyKind.RSA_2048, Instant.now());

  @Test
  void acceptsARootWithItsIssuingCaIncludingSm2() {
    assertThat(AnchorBundle.parse(SM2.anchorsPem())).hasSize(2);
    assertThat(AnchorBundle.parse(Pem.certificates(List.of(RSA.rootCertificate())))).hasSize(1);
  }

  @Test
  void refusesAnEndEntityCertificate() {
    String pem =
        Pem.certificates(
            List.of(RSA.rootCertificate(), RSA.issueUser("终端").signature().certificate()));
    assertThatThrownBy(() -> AnchorBundle.parse(pem)).hasMessageContaining("不是CA证书");
  }

  @Test
  void refusesAnIntermediateWithoutItsRoot() {
    String pem = Pem.certificates(List.of(RSA.issuingCertificate()));
    assertThatThrownBy(() -> AnchorBundle.parse(pem)).hasMessageContaining("自签名根证书");
  }

  @Test
  void refusesAnIntermediateOfAnotherHierarchy() {
    String pem =
        Pem.certificates(
            List.of(RSA.rootCertificate(), SM2.rootCertificate(), RSA.issuingCertificate()));
    assertThat(AnchorBundle.parse(pem)).hasSize(3);
    String foreign = Pem.certificates(List.of(RSA.rootCertificate(), SM2.issuingCertificate()));
    assertThatThrownBy(() -> AnchorBundle.parse(foreign)).hasMessageContaining("证书链不完整");
  }

  @Test
  void refusesTextThatIsNotPemOrDoesNotDecode() {
    assertThatThrownBy(() -> AnchorBundle.parse("hello")).hasMessageContaining("不能为空");
    assertThatThrownBy(
            () ->
                AnchorBundle.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
        .hasMessageContaining("无法解析");
  }
}
