package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs12FilesTest {
  static final char[] PIN = "123456".toCharArray();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = KeyKind.class,
      names = {"RSA_2048", "EC_P256"})
  void jdkKeyStoreLoadsRsaAndP256FilesAndTheKeySigns(KeyKind kind) throws Exception {
    UserCredentials user = provider(kind).issueUser("张三");
    Path file = dir.resolve("user.p12");
    Pkcs12Files.write(
        file,
        PIN,
        user.signature().privateKey(),
        user.signature().chain().toArray(java.security.cert.X509Certificate[]::new));

    KeyStore store = load(file, KeyStore.getInstance("PKCS12"));

    assertThat(Collections.list(store.aliases())).containsExactly(Pkcs12Files.DEFAULT_ALIAS);
    Certificate[] chain = store.getCertificateChain(Pkcs12Files.DEFAULT_ALIAS);
    assertThat(chain).hasSize(3);
    assertThat(chain[0]).isEqualTo(user.signature().certificate());
    PrivateKey key = (PrivateKey) store.getKey(Pkcs12Files.DEFAULT_ALIAS, PIN);
    assertSigns(key, chain[0], kind, null);
  }

  @Test
  void sm2FileLoadsWithBouncyCastleKeyStoreAndTheKeySignsWithSm3WithSm2() throws Exception {
    UserCredentials user = provider(KeyKind.SM2).issueUser("李四");
    Path file = dir.resolve("sm2.p12");
    Pkcs12Files.write(file, PIN, user);

    KeyStore store = load(file, KeyStore.getInstance("PKCS12", Bc.PROVIDER));

    assertThat(Collections.list(store.aliases()))
        .containsExactlyInAnyOrder("signature", "encryption");
    Certificate[] chain = store.getCertificateChain("signature");
    assertThat(chain[0].getEncoded()).isEqualTo(user.signature().certificate().getEncoded());
    assertThat(chain).hasSize(3);
    assertSigns((PrivateKey) store.getKey("signature", PIN), chain[0], KeyKind.SM2, Bc.PROVIDER);
  }

  @Test
  void jdkKeyStoreRefusesAnSm2FileWithAMisleadingPasswordError() throws Exception {
    // Documents why readers of SM2 soft keys must use Bouncy Castle's keystore: JDK 17 cannot
    // decode the SM2 certificate and reports it as a wrong password.
    UserCredentials user = provider(KeyKind.SM2).issueUser("王五");
    Path file = dir.resolve("sm2-jdk.p12");
    Pkcs12Files.write(file, PIN, user);

    assertThatThrownBy(() -> load(file, KeyStore.getInstance("PKCS12")))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("password");
  }

  @Test
  void dualEntriesShareOneCopyOfTheCaCertificates() throws Exception {
    UserCredentials user = provider(KeyKind.EC_P256).issueUser("赵六");
    Path file = dir.resolve("dual.p12");
    Pkcs12Files.write(file, PIN, user);

    KeyStore store = load(file, KeyStore.getInstance("PKCS12"));

    assertThat(store.getCertificate("encryption")).isEqualTo(user.encryption().certificate());
    assertThat(store.getCertificateChain("encryption")).hasSize(3);
    assertThat(store.getKey("encryption", PIN).getEncoded())
        .isEqualTo(user.encryption().privateKey().getEncoded());
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    UserCredentials user = provider(KeyKind.EC_P256).issueUser("孙八");
    Path file = dir.resolve("pw.p12");
    Pkcs12Files.write(file, PIN, user);

    assertThatThrownBy(
            () -> {
              try (InputStream in = Files.newInputStream(file)) {
                KeyStore.getInstance("PKCS12").load(in, "000000".toCharArray());
              }
            })
        .isInstanceOf(java.io.IOException.class);
  }

  private static TestProvider provider(KeyKind kind) {
    return TestProvider.create("p12", kind, TestProviderTest.NOW);
  }

  private static KeyStore load(Path file, KeyStore store) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PIN);
    }
    return store;
  }

  private static void assertSigns(PrivateKey key, Certificate cert, KeyKind kind, Provider provider)
      throws Exception {
    byte[] data = "certgate".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Signature signer =
        provider == null
            ? Signature.getInstance(kind.signatureAlgorithm())
            : Signature.getInstance(kind.signatureAlgorithm(), provider);
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(kind.signatureAlgorithm(), Bc.PROVIDER);
    verifier.initVerify(cert.getPublicKey());
    verifier.update(data);
    assertThat(verifier.verify(signature)).isTrue();
  }
}
