package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.SoftHsm;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Pkcs11TokensIT {
  private static final String PIN = "246810";
  private static final WebOrigin ORIGIN = WebOrigin.of("https://zcy.example.cn");
  private static final String NONCE = "n".repeat(44);

  private static UserCredentials rsaUser;
  private static UserCredentials ecUser;

  @BeforeAll
  static void issue() {
    assumeTrue(SoftHsm.available(), "SoftHSM2 is not installed or SOFTHSM2_CONF is not set");
    SoftHsm.tokens(); // the configuration must exist before the module is first initialised
    rsaUser = TestProvider.create("demo-rsa", KeyKind.RSA_2048, Instant.now()).issueUser("张三");
    ecUser = TestProvider.create("demo-ec", KeyKind.EC_P256, Instant.now()).issueUser("李四");
  }

  private static String provision(UserCredentials user) {
    String label = "cg-" + UUID.randomUUID().toString().substring(0, 8);
    SoftHsm.provision(label, PIN, user);
    return label;
  }

  private static Tokens tokens() {
    return Tokens.builder()
        .pkcs11Modules(List.of(SoftHsm.module()))
        .rescanInterval(Duration.ZERO)
        .build();
  }

  private static TokenSnapshot token(Tokens tokens, String label) {
    return tokens.scan().stream()
        .filter(t -> t.info().label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("token " + label + " not found"));
  }

  private static TokenCertificate certificate(TokenSnapshot token, X509Certificate cert) {
    return token.certificates().stream()
        .filter(c -> c.certificate().equals(cert))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void listsBothCertificatesOfADualKeyAndTellsSignatureFromEncryption() {
    String label = provision(rsaUser);
    TokenSnapshot token = token(tokens(), label);

    assertThat(token.info().kind()).isEqualTo(TokenKind.PKCS11);
    assertThat(token.info().manufacturer()).isEqualTo("SoftHSM project");
    assertThat(token.info().serial()).isNotBlank();
    assertThat(token.info().locked()).isFalse();
    assertThat(token.certificates()).hasSize(2);
    assertThat(certificate(token, rsaUser.signature().certificate()).signatureCapable()).isTrue();
    assertThat(certificate(token, rsaUser.encryption().certificate()).signatureCapable()).isFalse();
  }

  @Test
  void signsWithTheRightPinAndTheSignatureVerifiesForRsaAndP256() throws Exception {
    for (UserCredentials user : List.of(rsaUser, ecUser)) {
      Tokens tokens = tokens();
      String label = provision(user);
      TokenCertificate cert = certificate(token(tokens, label), user.signature().certificate());

      TokenAlgorithm alg = TokenAlgorithm.forKey(user.signature().publicKey());
      AuthToken signed =
          tokens.withKey(
              cert.id(),
              PIN.toCharArray(),
              (key, provider, c) -> {
                byte[] sig = TokenSigner.sign(alg, key, provider, ORIGIN, NONCE);
                return AuthToken.of(c.getEncoded(), List.of(), alg, sig, "test");
              });

      TokenSignatureVerifier.verify(signed, user.signature().certificate(), ORIGIN, NONCE);
      assertThatThrownBy(
              () ->
                  TokenSignatureVerifier.verify(
                      signed,
                      user.signature().certificate(),
                      WebOrigin.of("https://evil.example"),
                      NONCE))
          .hasMessageContaining("signature");
    }
  }

  @Test
  void wrongPinIsPinIncorrectAndSoftHsmGivesNoRetryCount() throws Exception {
    Tokens tokens = tokens();
    String label = provision(ecUser);
    TokenCertificate cert = certificate(token(tokens, label), ecUser.signature().certificate());

    assertThatThrownBy(() -> tokens.withKey(cert.id(), "000000".toCharArray(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AgentError.PIN_INCORRECT);
              // SoftHSM2 raises only CKF_USER_PIN_COUNT_LOW, which carries no number
              assertThat(e.retriesLeft()).isEmpty();
            });
    // and it never locks: the right PIN still works after many wrong ones
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> tokens.withKey(cert.id(), "999999".toCharArray(), (k, p, c) -> 1))
          .isInstanceOf(AgentException.class);
    }
    assertThat(token(tokens, label).info().locked()).isFalse();
    Integer answer = tokens.withKey(cert.id(), PIN.toCharArray(), (k, p, c) -> 42);
    assertThat(answer).isEqualTo(42);
  }

  @Test
  void refusesToSignWithTheEncryptionCertificate() {
    Tokens tokens = tokens();
    String label = provision(rsaUser);
    TokenCertificate enc = certificate(token(tokens, label), rsaUser.encryption().certificate());

    assertThatThrownBy(() -> tokens.withKey(enc.id(), PIN.toCharArray(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> assertThat(e.code()).isEqualTo(AgentError.NOT_SIGNATURE_CERT));
  }

  @Test
  void tokenRemovedBetweenListAndSignIsTokenNotPresent() {
    Tokens tokens = tokens();
    String label = provision(ecUser);
    TokenCertificate cert = certificate(token(tokens, label), ecUser.signature().certificate());

    SoftHsm.delete(label);

    assertThatThrownBy(() -> tokens.withKey(cert.id(), PIN.toCharArray(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> assertThat(e.code()).isEqualTo(AgentError.TOKEN_NOT_PRESENT));
    assertThat(tokens.scan()).noneMatch(t -> t.info().label().equals(label));
  }

  @Test
  void aKeyInsertedWhileRunningIsFoundAtTheNextScan() {
    Tokens tokens = tokens();
    tokens.scan();
    String label = provision(rsaUser);

    assertThat(tokens.scan()).anyMatch(t -> t.info().label().equals(label));
  }

  @Test
  void aLoginLeftOnTheModuleByAnotherUserDoesNotLetAWrongPinThrough() throws Exception {
    String label = provision(ecUser);
    TokenCertificate cert = certificate(token(tokens(), label), ecUser.signature().certificate());
    // another user of the same module in this JVM logs in and never logs out
    Provider other =
        Security.getProvider("SunPKCS11").configure("--" + SoftHsm.tokens().sunPkcs11Config(label));
    KeyStore.getInstance("PKCS11", other).load(null, PIN.toCharArray());
    Tokens noRescan =
        Tokens.builder()
            .pkcs11Modules(List.of(SoftHsm.module()))
            .rescanInterval(Duration.ofDays(1))
            .build();

    assertThatThrownBy(() -> noRescan.withKey(cert.id(), "000000".toCharArray(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.code()).isEqualTo(AgentError.PIN_INCORRECT));
  }

  @Test
  void anUnknownCertificateIdIsCertNotFound() {
    Tokens tokens = tokens();
    assertThatThrownBy(() -> tokens.withKey("nonsense", PIN.toCharArray(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.code()).isEqualTo(AgentError.CERT_NOT_FOUND));
  }
}
