package io.certgate.e2e;

import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pkcs12Files;
import io.certgate.testpki.SoftHsmTokens;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys the agent holds during a run: two providers' users as PKCS#12 soft keys (each with a
 * sidecar {@code .crt}, since the agent lists certificates without the password), as SoftHSM2
 * tokens, and — a third, SM2 provider's and the RSA provider's — on SKF devices. Every key carries
 * a signature and an encryption certificate, so the pages must pick out the signature one.
 */
final class TestKeys {
  /** The PIN of every token and the password of every soft key. */
  static final String PIN = "246810";

  /** A key as the tests refer to it: whose, its lock ID, and the certificate's common name. */
  record Key(String commonName, UserCredentials credentials) {
    String lockId() {
      return credentials.lockId();
    }

    X509Certificate signatureCertificate() {
      return credentials.signature().certificate();
    }
  }

  private final TestProvider ec;
  private final TestProvider rsa;
  private final TestProvider sm2;
  private final Path softKeys;
  private final SoftHsmTokens softHsm;

  /** 梅里's P-256 soft key; her second key is {@link #meiliToken}. */
  final Key meiliSoft;

  /** 梅里's RSA key on a SoftHSM2 token. */
  final Key meiliToken;

  /** 梅里's third key (P-256, soft): bound, then unbound. */
  final Key meiliSpare;

  /** 四海's RSA soft key. */
  final Key sihaiSoft;

  /** An SM2 key on a 国密 USB key behind an SKF library (when {@link SoftSkfKeys} can be built). */
  final Key skfSm2;

  /** An RSA key on a USB key behind an SKF library. */
  final Key skfRsa;

  /** The SKF devices, when the software SKF library could be built here. */
  final Optional<SoftSkfKeys> skf;

  private TestKeys(Path work) throws IOException {
    Instant now = Instant.now();
    ec =
        TestProvider.builder()
            .code("e2e-ec")
            .name("端到端ECC CA")
            .keyKind(KeyKind.EC_P256)
            .at(now)
            .build();
    rsa =
        TestProvider.builder()
            .code("e2e-rsa")
            .name("端到端RSA CA")
            .keyKind(KeyKind.RSA_2048)
            .at(now)
            .build();
    sm2 =
        TestProvider.builder()
            .code("e2e-sm2")
            .name("端到端SM2 CA")
            .keyKind(KeyKind.SM2)
            .at(now)
            .build();
    softKeys = Files.createDirectories(work.resolve("softkeys"));
    softHsm = SoftHsmTokens.create(work.resolve("softhsm"));
    meiliSoft = softKey(ec, "梅里", "E2E-MEILI-EC", "meili-ec");
    meiliToken = token(rsa, "梅里", "E2E-MEILI-RSA", "MEILI-TOKEN");
    meiliSpare = softKey(ec, "梅里", "E2E-MEILI-SPARE", "meili-spare");
    sihaiSoft = softKey(rsa, "四海", "E2E-SIHAI-RSA", "sihai-rsa");
    skfSm2 = new Key("国密甲", sm2.issueUser(spec("国密甲", "E2E-SKF-SM2")));
    skfRsa = new Key("国密乙", rsa.issueUser(spec("国密乙", "E2E-SKF-RSA")));
    skf = SoftSkfKeys.build(work);
    if (skf.isPresent()) {
      skf.get().insert(SKF_SM2_DEVICE, "SKF-SM2-0001", PIN, skfSm2.credentials());
      skf.get().insert(SKF_RSA_DEVICE, "SKF-RSA-0002", PIN, skfRsa.credentials());
    }
  }

  static final String SKF_SM2_DEVICE = "GM3000-SM2";
  static final String SKF_RSA_DEVICE = "GM3000-RSA";

  static TestKeys create(Path work) throws IOException {
    return new TestKeys(work);
  }

  List<TestProvider> providers() {
    return List.of(ec, rsa, sm2);
  }

  Path softKeys() {
    return softKeys;
  }

  SoftHsmTokens softHsm() {
    return softHsm;
  }

  /** Puts a new soft key into the agent's folder, as a user copying a .p12 file would. */
  Key insertSoftKey(String name, String lockId, String file) throws IOException {
    return softKey(ec, name, lockId, file);
  }

  private Key softKey(TestProvider provider, String name, String lockId, String file)
      throws IOException {
    UserCredentials user = provider.issueUser(spec(name, lockId));
    Pkcs12Files.write(softKeys.resolve(file + ".p12"), PIN.toCharArray(), user);
    Files.writeString(
        softKeys.resolve(file + ".crt"),
        pem(user.signature().certificate()) + pem(user.encryption().certificate()),
        StandardCharsets.US_ASCII);
    return new Key(name, user);
  }

  private Key token(TestProvider provider, String name, String lockId, String label)
      throws IOException {
    UserCredentials user = provider.issueUser(spec(name, lockId));
    softHsm.initToken(label, "13572468", PIN);
    softHsm.importUser(label, PIN, user);
    return new Key(name, user);
  }

  private static UserSpec spec(String name, String lockId) {
    return UserSpec.builder(name).organisation("培训省大河商贸有限公司").lockId(lockId).build();
  }

  static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
