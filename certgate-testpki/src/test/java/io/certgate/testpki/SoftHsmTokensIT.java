package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Provisions real SoftHSM2 tokens and reads them back through the JDK's SunPKCS11. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftHsmTokensIT {
  static final String PIN = "123456";
  static final String SO_PIN = "87654321";

  SoftHsmTokens tokens;
  final String suffix =
      HexFormat.of()
          .formatHex(java.nio.ByteBuffer.allocate(4).putInt((int) System.nanoTime()).array());
  final Map<KeyKind, UserCredentials> users = new java.util.EnumMap<>(KeyKind.class);

  @BeforeAll
  void provision() throws Exception {
    assumeTrue(SoftHsmTokens.available(), "SoftHSM2 and pkcs11-tool are not installed");
    String conf = System.getenv("SOFTHSM2_CONF");
    assumeTrue(conf != null, "SOFTHSM2_CONF must be set for the test JVM (Failsafe sets it)");
    tokens = SoftHsmTokens.create(Path.of(conf).getParent());
    assertThat(tokens.conf()).isEqualTo(Path.of(conf).toAbsolutePath());
    // Every token is provisioned before this JVM first initialises the module (see the class doc).
    for (KeyKind kind : new KeyKind[] {KeyKind.RSA_2048, KeyKind.EC_P256}) {
      UserCredentials user = TestProvider.create("hsm", kind, Instant.now()).issueUser("张三");
      tokens.initToken(label(kind), SO_PIN, PIN);
      tokens.importUser(label(kind), PIN, user);
      users.put(kind, user);
    }
    tokens.initToken(label(null), SO_PIN, PIN);
  }

  @AfterAll
  void cleanUp() throws Exception {
    if (tokens != null) {
      for (KeyKind kind : users.keySet()) {
        tokens.deleteToken(label(kind));
      }
    }
  }

  @Test
  void rsaTokenReadsBackThroughSunPkcs11AndSigns() throws Exception {
    readsBackAndSigns(KeyKind.RSA_2048);
  }

  @Test
  void p256TokenReadsBackThroughSunPkcs11AndSigns() throws Exception {
    readsBackAndSigns(KeyKind.EC_P256);
  }

  @Test
  void deletedTokenIsGone() throws Exception {
    String label = label(null);
    assertThat(tokens.slotId(label)).isNotNegative();

    tokens.deleteToken(label);

    assertThatThrownBy(() -> tokens.slotId(label)).hasMessageContaining("no SoftHSM token");
  }

  @Test
  void sm2KeysAreRefused() {
    UserCredentials user =
        TestProvider.create("hsm-sm2", KeyKind.SM2, Instant.now()).issueUser("李四");

    assertThatThrownBy(() -> tokens.importUser(label(KeyKind.RSA_2048), PIN, user))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SM2");
  }

  @Test
  void wrongPinFailsWithoutEchoingIt() {
    UserCredentials user = users.get(KeyKind.EC_P256);

    assertThatThrownBy(() -> tokens.importUser(label(KeyKind.EC_P256), "999999", user))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageNotContaining("999999");
  }

  private void readsBackAndSigns(KeyKind kind) throws Exception {
    UserCredentials user = users.get(kind);
    Provider pkcs11 =
        Security.getProvider("SunPKCS11").configure("--" + tokens.sunPkcs11Config(label(kind)));
    KeyStore store = KeyStore.getInstance("PKCS11", pkcs11);
    store.load(null, PIN.toCharArray());

    assertThat(Collections.list(store.aliases())).contains("signature", "encryption");
    X509Certificate cert = (X509Certificate) store.getCertificate("signature");
    assertThat(cert.getEncoded()).isEqualTo(user.signature().certificate().getEncoded());
    assertThat(store.getCertificateChain("signature")).hasSize(3);
    PrivateKey key = (PrivateKey) store.getKey("signature", null);

    byte[] data = "H(origin)||H(nonce)".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(kind.signatureAlgorithm(), pkcs11);
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(kind.signatureAlgorithm(), Bc.PROVIDER);
    verifier.initVerify(user.signature().publicKey());
    verifier.update(data);
    assertThat(verifier.verify(signature)).isTrue();
  }

  private String label(KeyKind kind) {
    return "it-" + (kind == null ? "spare" : kind.name().toLowerCase()) + "-" + suffix;
  }
}
