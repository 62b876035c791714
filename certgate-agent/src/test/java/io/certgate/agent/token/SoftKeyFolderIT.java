package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.Pkcs12Files;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import io.certgate.testpki.UserSpec.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftKeyFolderIT {
  private static final char[] PASSWORD = "soft-pin-1".toCharArray();
  private static final WebOrigin ORIGIN = WebOrigin.of("http://localhost:8080");
  private static final String NONCE = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

  @TempDir Path folder;

  // one CA hierarchy per key kind for the whole class: RSA key generation dominates the run time
  private static final Map<KeyKind, TestProvider> PROVIDERS = new ConcurrentHashMap<>();

  private static UserCredentials user(KeyKind kind) {
    return PROVIDERS
        .computeIfAbsent(
            kind,
            k ->
                TestProvider.create(
                    "p12-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'), k, Instant.now()))
        .issueUser("王五 " + kind);
  }

  /** Writes the file as OpenSSL 3 and the JDK do (certificates encrypted) plus a PEM sidecar. */
  private Path writeWithSidecar(String name, UserCredentials user) throws Exception {
    Path p12 = folder.resolve(name + ".p12");
    Pkcs12Files.write(p12, PASSWORD, user);
    Files.writeString(
        folder.resolve(name + ".pem"),
        Pem.certificates(List.of(user.signature().certificate(), user.encryption().certificate())));
    return p12;
  }

  private static TokenCertificate find(Tokens tokens, UserCredentials user) {
    return tokens.scan().stream()
        .flatMap(t -> t.certificates().stream())
        .filter(c -> c.certificate().equals(user.signature().certificate()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("signature certificate not listed"));
  }

  private Tokens tokens() {
    return Tokens.builder().softKeyFolder(folder).build();
  }

  @Test
  void signsWithRsaP256AndSm2SoftKeysAndTheTokensVerify() throws Exception {
    for (KeyKind kind : KeyKind.values()) {
      UserCredentials user = user(kind);
      writeWithSidecar("key-" + kind, user);
      Tokens tokens = tokens();
      TokenCertificate cert = find(tokens, user);
      TokenAlgorithm alg = TokenAlgorithm.forKey(user.signature().publicKey());

      AuthToken token =
          tokens.withKey(
              cert.id(),
              PASSWORD.clone(),
              (key, provider, c) ->
                  AuthToken.of(
                      c.getEncoded(),
                      List.of(),
                      alg,
                      TokenSigner.sign(alg, key, provider, ORIGIN, NONCE),
                      "test"));

      TokenSignatureVerifier.verify(token, user.signature().certificate(), ORIGIN, NONCE);
      assertThat(alg)
          .isEqualTo(
              switch (kind) {
                case RSA_2048 -> TokenAlgorithm.RS256;
                case EC_P256 -> TokenAlgorithm.ES256;
                case SM2 -> TokenAlgorithm.SM2SM3;
              });
    }
  }

  @Test
  void listsBothCertificatesAndTellsSignatureFromEncryption() throws Exception {
    UserCredentials user = user(KeyKind.SM2);
    writeWithSidecar("dual", user);

    TokenSnapshot token = tokens().scan().get(0);

    assertThat(token.info().kind()).isEqualTo(TokenKind.PKCS12);
    assertThat(token.info().label()).isEqualTo("dual");
    assertThat(token.certificates())
        .extracting(c -> c.certificate().getSerialNumber(), TokenCertificate::signatureCapable)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(user.signature().serialNumber(), true),
            org.assertj.core.groups.Tuple.tuple(user.encryption().serialNumber(), false));
  }

  @Test
  void doesNotListNonRepudiationOnlyOrServerAuthOnlyCertificatesAsSignatureCapable()
      throws Exception {
    TestProvider provider = TestProvider.create("p12-purpose", KeyKind.EC_P256, Instant.now());
    UserCredentials nonRepudiation =
        provider.issueUser(UserSpec.builder("不可否认").variant(Variant.NON_REPUDIATION_ONLY).build());
    UserCredentials serverAuth =
        provider.issueUser(UserSpec.builder("服务器").variant(Variant.SERVER_AUTH_ONLY).build());
    UserCredentials valid = provider.issueUser("签名");
    writeWithSidecar("non-repudiation", nonRepudiation);
    writeWithSidecar("server-auth", serverAuth);
    writeWithSidecar("valid", valid);

    Tokens tokens = tokens();

    assertThat(find(tokens, nonRepudiation).signatureCapable()).isFalse();
    assertThat(find(tokens, serverAuth).signatureCapable()).isFalse();
    assertThat(find(tokens, valid).signatureCapable()).isTrue();
  }

  @Test
  void readsCertificatesStoredInClearWithoutSidecar() throws Exception {
    UserCredentials user = user(KeyKind.RSA_2048);
    Path key = folder.resolve("key.pem");
    Path cert = folder.resolve("cert.pem");
    Files.writeString(key, Pem.privateKey(user.signature().privateKey()));
    Files.writeString(cert, Pem.certificates(List.of(user.signature().certificate())));
    openssl(
        "pkcs12",
        "-export",
        "-certpbe",
        "NONE",
        "-inkey",
        key.toString(),
        "-in",
        cert.toString(),
        "-out",
        folder.resolve("clear.pfx").toString(),
        "-passout",
        "pass:" + new String(PASSWORD));
    Files.delete(key);
    Files.delete(cert);

    Tokens tokens = tokens();
    TokenCertificate found = find(tokens, user);
    Integer signed = tokens.withKey(found.id(), PASSWORD.clone(), (k, p, c) -> 1);
    assertThat(signed).isEqualTo(1);
  }

  @Test
  void wrongPasswordIsPinIncorrectAfterAPauseWithoutRetryCount() throws Exception {
    UserCredentials user = user(KeyKind.EC_P256);
    writeWithSidecar("p256", user);
    Tokens tokens = tokens();
    TokenCertificate cert = find(tokens, user);

    long start = System.nanoTime();
    assertThatThrownBy(() -> tokens.withKey(cert.id(), "wrong".toCharArray(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AgentError.PIN_INCORRECT);
              assertThat(e.retriesLeft()).isEmpty();
            });
    // no retry counter in a file: a wrong password is answered only after a pause
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
  }

  @Test
  void aFileAddedWhileRunningIsFoundAndADeletedOneIsNotPresent() throws Exception {
    Tokens tokens = tokens();
    assertThat(tokens.scan()).isEmpty();
    UserCredentials user = user(KeyKind.EC_P256);
    Path p12 = writeWithSidecar("late", user);
    TokenCertificate cert = find(tokens, user);

    Files.delete(p12);

    assertThatThrownBy(() -> tokens.withKey(cert.id(), PASSWORD.clone(), (k, p, c) -> 1))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> assertThat(e.code()).isEqualTo(AgentError.TOKEN_NOT_PRESENT));
  }

  @Test
  void anEncryptedFileWithoutSidecarIsListedWithoutCertificates() throws Exception {
    Pkcs12Files.write(folder.resolve("sealed.p12"), PASSWORD, user(KeyKind.RSA_2048));

    List<TokenSnapshot> scan = tokens().scan();

    assertThat(scan).singleElement().satisfies(t -> assertThat(t.certificates()).isEmpty());
  }

  private static void openssl(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
