package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.ProviderAmbiguousException;
import io.certgate.core.lockid.LockIdRule;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestCa;
import io.certgate.testpki.TestOids;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3, "which provider a certificate belongs to": a provider is the CA certificates it lists,
 * the token's chain never moves a certificate to another provider, and overlapping providers are
 * refused (issue 16 §1).
 */
class ProviderOwnershipTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String VICTIM_LOCK = "VICTIM-LOCK-0001";

  private final TestCa root = TestCa.root("CN=国家根CA,O=Root", KeyKind.EC_P256, NOW);
  private final TestCa beijing = root.subordinate("CN=北京CA,O=BJCA");
  private final TestCa wuhai = root.subordinate("CN=北京-乌海定制CA,O=BJCA");

  @Test
  void certificateOfProviderBSentWithItsChainIsNeverTakenForProviderA() throws Exception {
    try (CertificateValidator validator =
        validator(
            trust("a", root.certificate(), beijing.certificate()),
            trust("b", root.certificate(), wuhai.certificate()))) {
      Credential ofB = wuhai.user("CN=李四", VICTIM_LOCK);
      Credential ofA = beijing.user("CN=张三", "A-LOCK");

      assertThat(validate(validator, ofB).providerCode()).isEqualTo("b");
      assertThat(validate(validator, ofA).providerCode()).isEqualTo("a");
    }
  }

  @Test
  void subCaThatNoProviderListsCannotIssueForTheProviderOfItsRoot() throws Exception {
    TestCa unlisted = root.subordinate("CN=Unlisted Sub CA,O=Elsewhere");
    try (CertificateValidator validator =
        validator(trust("a", root.certificate(), beijing.certificate()))) {
      Credential attacker = unlisted.user("CN=冒充者", VICTIM_LOCK);

      assertThatThrownBy(() -> validate(validator, attacker))
          .isInstanceOfSatisfying(
              CertGateException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_UNTRUSTED));
    }
  }

  @Test
  void providerListingOnlyTheRootTakesEverythingUnderIt() throws Exception {
    TestCa unlisted = root.subordinate("CN=Unlisted Sub CA,O=Elsewhere");
    try (CertificateValidator validator = validator(trust("r", root.certificate()))) {
      assertThat(validate(validator, unlisted.user("CN=王五", "L-1")).providerCode()).isEqualTo("r");
    }
  }

  @Test
  void twoProvidersListingOneRootAreRefusedUnlessEachListsItsIssuingCas() {
    ProviderTrust rootOnly = trust("a", root.certificate());
    ProviderTrust withIssuing = trust("b", root.certificate(), wuhai.certificate());
    ProviderTrust otherIssuing = trust("c", root.certificate(), beijing.certificate());
    ProviderTrust sameIssuing = trust("d", root.certificate(), wuhai.certificate());

    assertThat(rootOnly.clashesWith(withIssuing)).isTrue();
    assertThat(withIssuing.clashesWith(rootOnly)).isTrue();
    assertThat(withIssuing.clashesWith(sameIssuing)).isTrue();
    assertThat(withIssuing.clashesWith(otherIssuing)).isFalse();
    assertThatThrownBy(() -> validator(rootOnly, withIssuing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a and b");
  }

  @Test
  void providerListingACaCertifiedByAnotherProvidersCaClashes() {
    TestCa nested = beijing.subordinate("CN=Nested issuing CA,O=BJCA");
    assertThat(
            trust("a", root.certificate(), beijing.certificate())
                .clashesWith(trust("b", root.certificate(), nested.certificate())))
        .isTrue();
  }

  @Test
  void reissuedIssuingCaCertificateIsTheSameCa() {
    TestCa again =
        root.subordinate(
            "CN=北京CA,O=BJCA", new java.security.KeyPair(beijing.publicKey(), beijing.privateKey()));
    assertThat(
            trust("a", root.certificate(), beijing.certificate())
                .clashesWith(trust("b", root.certificate(), again.certificate())))
        .isTrue();
  }

  @Test
  void certificateThatWouldBelongToTwoProvidersIsAConfigurationErrorNotTheFirstFound()
      throws Exception {
    TestCa middle = beijing.subordinate("CN=Unlisted middle,O=BJCA");
    TestCa nested = middle.subordinate("CN=Nested issuing CA,O=BJCA");
    try (CertificateValidator validator =
        validator(
            trust("a", root.certificate(), beijing.certificate()),
            trust("b", root.certificate(), nested.certificate()))) {
      Credential user = nested.user("CN=赵六", "L-2");

      assertThatThrownBy(() -> validate(validator, user))
          .isInstanceOf(ProviderAmbiguousException.class)
          .hasMessageContaining("[a, b]")
          .satisfies(
              e -> assertThat(((CertGateException) e).code()).isEqualTo(ErrorCode.CERT_UNTRUSTED));
    }
  }

  static ValidatedCertificate validate(CertificateValidator validator, Credential c)
      throws CertGateException {
    return validator.validate(c.certificate(), c.issuers(), Purpose.LOGIN);
  }

  static ProviderTrust trust(String code, X509Certificate... cas) {
    return ProviderTrust.builder(code)
        .anchors(new ArrayList<>(List.of(cas)))
        .lockIdRule(LockIdRule.parse(TestOids.LOCK_ID_EXTENSION_RULE))
        .build();
  }

  static CertificateValidator validator(ProviderTrust... providers) {
    return CertificateValidator.builder()
        .clock(CLOCK)
        .secureRandom(new SecureRandom())
        .providers(List.of(providers))
        .build();
  }
}
