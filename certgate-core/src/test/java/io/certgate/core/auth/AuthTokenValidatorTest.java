package io.certgate.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.ChallengeExpiredException;
import io.certgate.core.ChallengeUnknownException;
import io.certgate.core.ErrorCode;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.Certificates;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.support.Pki;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthTokenValidatorTest {
  private static final Provider BC = new BouncyCastleProvider();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
  private static final String ORIGIN = "https://zfcg.example.gov.cn";
  private static final String NONCE = "q9V0c0mWc3qgk2z5dJ3m8l2c1vX4b6n7R8t9y0u1i2o=";

  private static TestProvider rsa;
  private static TestProvider p256;
  private static TestProvider sm2;
  private static CertificateValidator certificates;
  private static AuthTokenValidator validator;

  @BeforeAll
  static void setUp() {
    rsa = Pki.provider("tok-rsa", KeyKind.RSA_2048, CLOCK);
    p256 = Pki.provider("tok-p256", KeyKind.EC_P256, CLOCK);
    sm2 = Pki.provider("tok-sm2", KeyKind.SM2, CLOCK);
    ProviderTrust noPss =
        ProviderTrust.builder(rsa.code())
            .anchors(rsa.anchors())
            .lockIdRule(Pki.trust(rsa, RevocationPolicy.none()).lockIdRule())
            .allowedAlgorithms(EnumSet.of(TokenAlgorithm.RS256))
            .build();
    certificates =
        CertificateValidator.builder()
            .clock(CLOCK)
            .secureRandom(new SecureRandom())
            .provider(noPss)
            .provider(Pki.trust(p256, RevocationPolicy.none()))
            .provider(Pki.trust(sm2, RevocationPolicy.none()))
            .build();
    validator =
        AuthTokenValidator.builder()
            .certificateValidator(certificates)
            .origin(WebOrigin.of(ORIGIN))
            .build();
  }

  @AfterAll
  static void tearDown() {
    certificates.close();
  }

  @ParameterizedTest
  @CsvSource({"RSA_2048, RS256", "EC_P256, ES256", "SM2, SM2SM3"})
  void acceptsTokenSignedForTheOriginAndNonce(KeyKind kind, TokenAlgorithm algorithm)
      throws Exception {
    TestProvider provider = kind == KeyKind.RSA_2048 ? rsa : kind == KeyKind.SM2 ? sm2 : p256;
    UserCredentials user = provider.issueUser("签名用户");

    ValidatedToken validated =
        validator.validate(
            token(user.signature(), algorithm, ORIGIN, NONCE), ChallengeCheck.fixed(NONCE));

    assertThat(validated.providerCode()).isEqualTo(provider.code());
    assertThat(validated.lockId()).isEqualTo(user.lockId());
    assertThat(validated.algorithm()).isEqualTo(algorithm);
    assertThat(validated.fingerprint())
        .isEqualTo(Certificates.fingerprint(user.signature().certificate()));
    assertThat(validated.path()).hasSize(3);
  }

  @Test
  void malformedTokenNeverConsumesTheChallenge() {
    AtomicInteger taken = new AtomicInteger();
    ChallengeCheck counting =
        () -> {
          taken.incrementAndGet();
          return NONCE;
        };

    assertCode(() -> validator.validate("{\"format\":", counting), ErrorCode.TOKEN_MALFORMED);
    assertCode(
        () -> validator.validate("{\"format\":\"certgate-auth/9\"}", counting),
        ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(taken).hasValue(0);
  }

  @Test
  void challengeFailuresComeBeforeAnyCertificateWork() throws Exception {
    String token = token(p256.issueUser("甲").signature(), TokenAlgorithm.ES256, ORIGIN, NONCE);

    assertCode(
        () ->
            validator.validate(
                token,
                () -> {
                  throw new ChallengeUnknownException("used");
                }),
        ErrorCode.CHALLENGE_UNKNOWN);
    assertCode(
        () ->
            validator.validate(
                token,
                () -> {
                  throw new ChallengeExpiredException("late");
                }),
        ErrorCode.CHALLENGE_EXPIRED);
  }

  @Test
  void rejectsCertificateThatDoesNotDecode() {
    String token =
        AuthTokens.toJson(
            AuthToken.of(
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x01},
                List.of(),
                TokenAlgorithm.ES256,
                new byte[64],
                "1.0"));

    assertCode(
        () -> validator.validate(token, ChallengeCheck.fixed(NONCE)), ErrorCode.CERT_MALFORMED);
  }

  @Test
  void rejectsCertificateOrChainGivenAsPemTextInsteadOfDer() throws Exception {
    Credential user = p256.issueUser("PEM").signature();
    byte[] signature =
        TokenSigner.sign(TokenAlgorithm.ES256, user.privateKey(), BC, WebOrigin.of(ORIGIN), NONCE);
    byte[] pem = pem(user.certificate());
    byte[] chainPem = pem(user.issuers().get(0));
    String pemCertificate =
        AuthTokens.toJson(
            AuthToken.of(pem, List.of(), TokenAlgorithm.ES256, signature, "test/1.0"));
    String pemChain =
        AuthTokens.toJson(
            AuthToken.of(
                user.certificate().getEncoded(),
                List.of(chainPem),
                TokenAlgorithm.ES256,
                signature,
                "test/1.0"));

    assertCode(
        () -> validator.validate(pemCertificate, ChallengeCheck.fixed(NONCE)),
        ErrorCode.CERT_MALFORMED);
    assertCode(
        () -> validator.validate(pemChain, ChallengeCheck.fixed(NONCE)), ErrorCode.CERT_MALFORMED);
  }

  private static byte[] pem(X509Certificate certificate) {
    return io.certgate.testpki.Pem.certificates(List.of(certificate))
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void rejectsAlgorithmThatDoesNotFitTheKey() throws Exception {
    Credential rsaUser = rsa.issueUser("乙").signature();
    String token = token(rsaUser, TokenAlgorithm.RS256, ORIGIN, NONCE).replace("RS256", "ES256");

    assertCode(
        () -> validator.validate(token, ChallengeCheck.fixed(NONCE)), ErrorCode.ALGORITHM_MISMATCH);
  }

  @Test
  void rejectsAlgorithmTheProviderDoesNotAllow() throws Exception {
    String token = token(rsa.issueUser("丙").signature(), TokenAlgorithm.PS256, ORIGIN, NONCE);

    assertCode(
        () -> validator.validate(token, ChallengeCheck.fixed(NONCE)), ErrorCode.ALGORITHM_MISMATCH);
  }

  @Test
  void rejectsSignatureMadeForAnotherOriginOrNonce() throws Exception {
    Credential user = sm2.issueUser("丁").signature();
    String otherOrigin = token(user, TokenAlgorithm.SM2SM3, "https://evil.example", NONCE);
    String otherNonce = token(user, TokenAlgorithm.SM2SM3, ORIGIN, NONCE + "x");

    assertCode(
        () -> validator.validate(otherOrigin, ChallengeCheck.fixed(NONCE)),
        ErrorCode.SIGNATURE_INVALID);
    assertCode(
        () -> validator.validate(otherNonce, ChallengeCheck.fixed(NONCE)),
        ErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void theConfiguredOriginIsWrittenOnceAsTheBrowserSendsIt() throws Exception {
    Credential user = p256.issueUser("庚").signature();
    AuthTokenValidator configuredLoosely =
        AuthTokenValidator.builder()
            .certificateValidator(certificates)
            .origin(WebOrigin.of("HTTPS://ZFCG.example.gov.cn:443/"))
            .build();

    assertThat(
            configuredLoosely
                .validate(
                    token(user, TokenAlgorithm.ES256, ORIGIN, NONCE), ChallengeCheck.fixed(NONCE))
                .providerCode())
        .isEqualTo(p256.code());
    // DESIGN §5 signs the serialisation itself: a token made over another spelling is refused
    assertCode(
        () ->
            configuredLoosely.validate(
                es256OverAnyText(user, ORIGIN + "/", NONCE), ChallengeCheck.fixed(NONCE)),
        ErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void builderRefusesToBuildWithoutAnOrigin() {
    assertThatThrownBy(
            () -> AuthTokenValidator.builder().certificateValidator(certificates).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("origin");
  }

  @Test
  void checksTheSignatureBeforeTheCertificatesTrust() throws Exception {
    TestProvider stranger = Pki.provider("tok-stranger", KeyKind.EC_P256, CLOCK);
    Credential user = stranger.issueUser("戊").signature();

    assertCode(
        () ->
            validator.validate(
                token(user, TokenAlgorithm.ES256, "https://a.example", NONCE),
                ChallengeCheck.fixed(NONCE)),
        ErrorCode.SIGNATURE_INVALID);
    assertCode(
        () ->
            validator.validate(
                token(user, TokenAlgorithm.ES256, ORIGIN, NONCE), ChallengeCheck.fixed(NONCE)),
        ErrorCode.CERT_UNTRUSTED);
  }

  @Test
  void rejectsTokenSignedWithTheEncryptionKey() throws Exception {
    Credential encryption = p256.issueUser("己").encryption();

    assertCode(
        () ->
            validator.validate(
                token(encryption, TokenAlgorithm.ES256, ORIGIN, NONCE),
                ChallengeCheck.fixed(NONCE)),
        ErrorCode.NOT_SIGNATURE_CERT);
  }

  private static String token(
      Credential credential, TokenAlgorithm algorithm, String origin, String nonce)
      throws Exception {
    X509Certificate cert = credential.certificate();
    byte[] signature =
        TokenSigner.sign(algorithm, credential.privateKey(), BC, WebOrigin.of(origin), nonce);
    List<byte[]> chain = List.of(credential.issuers().get(0).getEncoded());
    return AuthTokens.toJson(
        AuthToken.of(cert.getEncoded(), chain, algorithm, signature, "test/1.0"));
  }

  /** An ES256 token over {@code SHA-256(origin) ‖ SHA-256(nonce)} for any text, origin or not. */
  private static String es256OverAnyText(Credential credential, String origin, String nonce)
      throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] data =
        Arrays.concatenate(
            sha256.digest(origin.getBytes(StandardCharsets.UTF_8)),
            sha256.digest(nonce.getBytes(StandardCharsets.UTF_8)));
    Signature signer = Signature.getInstance("SHA256withECDSA", BC);
    signer.initSign(credential.privateKey());
    signer.update(data);
    List<byte[]> chain = List.of(credential.issuers().get(0).getEncoded());
    return AuthTokens.toJson(
        AuthToken.of(
            credential.certificate().getEncoded(),
            chain,
            TokenAlgorithm.ES256,
            signer.sign(),
            "test/1.0"));
  }

  private static void assertCode(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CertGateException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
