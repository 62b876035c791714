package io.certgate.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.AlgorithmMismatchException;
import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.SignatureInvalidException;
import java.io.ByteArrayInputStream;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenSignatureRoundTripTest {
  private static final WebOrigin ORIGIN = WebOrigin.of("https://zcy.example.gov.cn");
  private static final String NONCE = "q1ZlH3o2m8m0b3Yp0l9yXbqQ7W4mCk0Xg2o4Z3bq0Rk=";

  private static AuthToken signedToken(TokenAlgorithm alg, WebOrigin origin, String nonce)
      throws Exception {
    TestKeys.Credential c = TestKeys.of(alg.keyType());
    byte[] sig = TokenSigner.sign(alg, c.keys().getPrivate(), Providers.BC, origin, nonce);
    return AuthToken.of(c.certificate().getEncoded(), List.of(), alg, sig, "test/1");
  }

  private static X509Certificate certFor(TokenAlgorithm alg) {
    return TestKeys.of(alg.keyType()).certificate();
  }

  @ParameterizedTest
  @EnumSource(TokenAlgorithm.class)
  void acceptsSignatureMadeByTokenSignerAfterJsonRoundTrip(TokenAlgorithm alg) throws Exception {
    AuthToken token = AuthTokens.parse(AuthTokens.toJson(signedToken(alg, ORIGIN, NONCE)));

    TokenSignatureVerifier.verify(token, certFor(alg), ORIGIN, NONCE);
  }

  @ParameterizedTest
  @EnumSource(TokenAlgorithm.class)
  void refusesSignatureForAnotherOrigin(TokenAlgorithm alg) throws Exception {
    AuthToken token = signedToken(alg, WebOrigin.of("https://evil.example"), NONCE);

    assertThatThrownBy(() -> TokenSignatureVerifier.verify(token, certFor(alg), ORIGIN, NONCE))
        .isInstanceOf(SignatureInvalidException.class);
  }

  @ParameterizedTest
  @EnumSource(TokenAlgorithm.class)
  void refusesSignatureForAnotherNonce(TokenAlgorithm alg) throws Exception {
    AuthToken token = signedToken(alg, ORIGIN, NONCE);

    assertThatThrownBy(
            () -> TokenSignatureVerifier.verify(token, certFor(alg), ORIGIN, NONCE + "x"))
        .isInstanceOf(SignatureInvalidException.class);
  }

  @ParameterizedTest
  @EnumSource(TokenAlgorithm.class)
  void refusesGarbageSignatureBytesAsInvalid(TokenAlgorithm alg) throws Exception {
    AuthToken good = signedToken(alg, ORIGIN, NONCE);
    for (byte[] garbage :
        List.of(
            new byte[] {0x30}, new byte[] {0x30, 0x02, 0x02, 0x00}, new byte[72], new byte[256])) {
      AuthToken token =
          AuthToken.of(good.certificate(), List.of(), alg, garbage, good.agentVersion());
      assertThatThrownBy(() -> TokenSignatureVerifier.verify(token, certFor(alg), ORIGIN, NONCE))
          .isInstanceOf(SignatureInvalidException.class);
    }
  }

  @Test
  void refusesEcdsaSignatureWithBerLengthEncoding() throws Exception {
    AuthToken good = signedToken(TokenAlgorithm.ES256, ORIGIN, NONCE);
    byte[] der = good.signature();
    // Re-encode the outer SEQUENCE length in long form (0x81 nn): same r and s, not DER.
    byte[] ber = new byte[der.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81;
    System.arraycopy(der, 1, ber, 2, der.length - 1);
    AuthToken token =
        AuthToken.of(good.certificate(), List.of(), TokenAlgorithm.ES256, ber, "test/1");

    assertThatThrownBy(
            () ->
                TokenSignatureVerifier.verify(token, certFor(TokenAlgorithm.ES256), ORIGIN, NONCE))
        .isInstanceOf(SignatureInvalidException.class);
  }

  @Test
  void refusesAlgorithmThatDoesNotFitTheKey() throws Exception {
    record Case(TokenAlgorithm claimed, TokenAlgorithm keyOf) {}
    for (Case c :
        List.of(
            new Case(TokenAlgorithm.ES256, TokenAlgorithm.RS256),
            new Case(TokenAlgorithm.ES384, TokenAlgorithm.ES256),
            new Case(TokenAlgorithm.ES256, TokenAlgorithm.ES384),
            new Case(TokenAlgorithm.ES256, TokenAlgorithm.SM2SM3),
            new Case(TokenAlgorithm.SM2SM3, TokenAlgorithm.ES256),
            new Case(TokenAlgorithm.RS256, TokenAlgorithm.ES256),
            new Case(TokenAlgorithm.PS256, TokenAlgorithm.SM2SM3))) {
      AuthToken signed = signedToken(c.keyOf(), ORIGIN, NONCE);
      AuthToken token =
          AuthToken.of(signed.certificate(), List.of(), c.claimed(), signed.signature(), "t/1");
      assertThatThrownBy(
              () -> TokenSignatureVerifier.verify(token, certFor(c.keyOf()), ORIGIN, NONCE))
          .as("%s with a %s key", c.claimed(), c.keyOf().keyType())
          .isInstanceOf(AlgorithmMismatchException.class)
          .extracting(e -> ((CertGateException) e).code())
          .isEqualTo(ErrorCode.ALGORITHM_MISMATCH);
    }
  }

  @Test
  void refusesPkcs1SignaturePresentedAsPss() throws Exception {
    AuthToken rs = signedToken(TokenAlgorithm.RS256, ORIGIN, NONCE);
    AuthToken token =
        AuthToken.of(rs.certificate(), List.of(), TokenAlgorithm.PS256, rs.signature(), "t/1");

    assertThatThrownBy(
            () ->
                TokenSignatureVerifier.verify(token, certFor(TokenAlgorithm.PS256), ORIGIN, NONCE))
        .isInstanceOf(SignatureInvalidException.class);
  }

  /**
   * The JDK cannot decode SM2 certificates at all ("Unknown named curve"), hence no SM2SM3 here.
   */
  @ParameterizedTest
  @EnumSource(value = TokenAlgorithm.class, names = "SM2SM3", mode = EnumSource.Mode.EXCLUDE)
  void acceptsCertificateDecodedByTheJdkProvider(TokenAlgorithm alg) throws Exception {
    AuthToken token = signedToken(alg, ORIGIN, NONCE);
    X509Certificate jdkCert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(token.certificate()));

    TokenSignatureVerifier.verify(token, jdkCert, ORIGIN, NONCE);
  }

  @Test
  void forKeyPicksTheDefaultAlgorithmPerKeyType() throws Exception {
    assertThat(TokenAlgorithm.forKey(TestKeys.of(KeyType.RSA).keys().getPublic()))
        .isEqualTo(TokenAlgorithm.RS256);
    assertThat(TokenAlgorithm.forKey(TestKeys.of(KeyType.EC_P256).keys().getPublic()))
        .isEqualTo(TokenAlgorithm.ES256);
    assertThat(TokenAlgorithm.forKey(TestKeys.of(KeyType.EC_P384).keys().getPublic()))
        .isEqualTo(TokenAlgorithm.ES384);
    assertThat(TokenAlgorithm.forKey(TestKeys.of(KeyType.SM2).keys().getPublic()))
        .isEqualTo(TokenAlgorithm.SM2SM3);
  }

  @Test
  void forKeyRefusesOtherCurves() throws Exception {
    var g = java.security.KeyPairGenerator.getInstance("EC", Providers.BC);
    g.initialize(new java.security.spec.ECGenParameterSpec("secp521r1"));
    var p521 = g.generateKeyPair().getPublic();
    var ed = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();

    assertThatThrownBy(() -> TokenAlgorithm.forKey(p521))
        .isInstanceOf(AlgorithmMismatchException.class);
    assertThatThrownBy(() -> TokenAlgorithm.forKey(ed))
        .isInstanceOf(AlgorithmMismatchException.class);
  }

  @Test
  void signerConvertsRawEcdsaOutputOfAProviderToDer() throws Exception {
    // A provider whose SHA256withECDSA returns raw r||s, as some PKCS#11 stacks do.
    Provider raw = new Provider("RawEcdsa", "1", "raw r||s ECDSA for tests") {};
    raw.put(
        "Signature.SHA256withECDSA",
        "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecCVCDSA256");
    TestKeys.Credential c = TestKeys.of(KeyType.EC_P256);

    byte[] sig = TokenSigner.sign(TokenAlgorithm.ES256, c.keys().getPrivate(), raw, ORIGIN, NONCE);

    assertThat(sig[0]).isEqualTo((byte) 0x30);
    AuthToken token =
        AuthToken.of(c.certificate().getEncoded(), List.of(), TokenAlgorithm.ES256, sig, "t/1");
    TokenSignatureVerifier.verify(token, c.certificate(), ORIGIN, NONCE);
  }

  @Test
  void signerFallsBackToPrehashedEcdsaWhenOnlyNoneWithEcdsaExists() throws Exception {
    Provider noneOnly = new Provider("NoneOnly", "1", "CKM_ECDSA-like provider for tests") {};
    noneOnly.put(
        "Signature.NONEwithECDSA",
        "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecDSAnone");
    TestKeys.Credential c = TestKeys.of(KeyType.EC_P384);

    byte[] sig =
        TokenSigner.sign(TokenAlgorithm.ES384, c.keys().getPrivate(), noneOnly, ORIGIN, NONCE);

    AuthToken token =
        AuthToken.of(c.certificate().getEncoded(), List.of(), TokenAlgorithm.ES384, sig, "t/1");
    TokenSignatureVerifier.verify(token, c.certificate(), ORIGIN, NONCE);
  }

  @Test
  void signedDataIsTheConcatenationOfTwoHashes() throws Exception {
    var sha256 = java.security.MessageDigest.getInstance("SHA-256");
    byte[] expected =
        org.bouncycastle.util.Arrays.concatenate(
            sha256.digest(ORIGIN.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            sha256.digest(NONCE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(SignedData.of(TokenAlgorithm.ES256, ORIGIN, NONCE)).isEqualTo(expected);
    assertThat(SignedData.of(TokenAlgorithm.ES384, ORIGIN, NONCE)).hasSize(96);
    assertThat(SignedData.of(TokenAlgorithm.SM2SM3, ORIGIN, NONCE)).hasSize(64);
  }
}
