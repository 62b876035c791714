package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.ConnectException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OcspResponderIT {
  static final Instant NOW = TestProviderTest.NOW;
  static final byte[] NONCE =
      "nonce-0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  OcspResponder responder;

  @BeforeEach
  void start() throws Exception {
    responder = OcspResponder.start();
  }

  @AfterEach
  void stop() {
    responder.close();
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void answersGoodAndRevokedSignedByTheIssuingCaWithTheNonceEchoed(KeyKind kind) throws Exception {
    TestProvider provider = provider(kind);
    responder.add(provider);
    UserCredentials good = provider.issueUser("张三");
    UserCredentials revoked = provider.issueUser("李四");
    provider.revoke(revoked.signature().serialNumber(), NOW.minusSeconds(90));

    BasicOCSPResp goodAnswer =
        basic(ask(provider.issuingCertificate(), good.signature().serialNumber()));
    BasicOCSPResp revokedAnswer =
        basic(ask(provider.issuingCertificate(), revoked.signature().serialNumber()));

    assertThat(goodAnswer.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    assertThat(verifies(goodAnswer, provider.issuingCertificate())).isTrue();
    assertThat(nonce(goodAnswer)).isEqualTo(NONCE);
    SingleResp single = revokedAnswer.getResponses()[0];
    assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
    assertThat(((RevokedStatus) single.getCertStatus()).getRevocationTime().toInstant())
        .isEqualTo(NOW.minusSeconds(90));
    assertThat(verifies(revokedAnswer, provider.issuingCertificate())).isTrue();
    assertThat(single.getThisUpdate().toInstant()).isEqualTo(NOW);
    assertThat(single.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void builderEmbedsTheResponderUrlAndRegistersTheProvider() throws Exception {
    TestProvider provider =
        TestProvider.builder()
            .code("ocsp-built")
            .keyKind(KeyKind.EC_P256)
            .at(NOW)
            .ocspResponder(responder)
            .build();
    UserCredentials user = provider.issueUser("钱七");

    assertThat(provider.ocspUrl()).contains(responder.url());
    assertThat(
            basic(ask(provider.issuingCertificate(), user.signature().serialNumber()))
                .getResponses()[0]
                .getCertStatus())
        .isEqualTo(CertificateStatus.GOOD);
  }

  @Test
  void answersGetRequestsToo() throws Exception {
    TestProvider provider = provider(KeyKind.EC_P256);
    responder.add(provider);
    UserCredentials user = provider.issueUser("王五");

    var response =
        OcspClient.get(
            responder.url(),
            OcspClient.request(
                provider.issuingCertificate(), user.signature().serialNumber(), NONCE));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(basic(new OCSPResp(response.body())).getResponses()[0].getCertStatus())
        .isEqualTo(CertificateStatus.GOOD);
  }

  @Test
  void issuingCaStatusIsSignedByTheRoot() throws Exception {
    TestProvider provider = provider(KeyKind.EC_P256);
    responder.add(provider);
    provider.revoke(provider.issuingCertificate().getSerialNumber(), NOW.minusSeconds(10));

    BasicOCSPResp answer =
        basic(ask(provider.rootCertificate(), provider.issuingCertificate().getSerialNumber()));

    assertThat(answer.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    assertThat(verifies(answer, provider.rootCertificate())).isTrue();
  }

  @Test
  void delegatedResponderSignsAndIncludesItsOcspSigningCertificate() throws Exception {
    TestProvider provider = provider(KeyKind.SM2);
    Credential delegate = provider.issueOcspResponder();
    responder.add(provider, delegate);
    UserCredentials user = provider.issueUser("赵六");

    BasicOCSPResp answer =
        basic(ask(provider.issuingCertificate(), user.signature().serialNumber()));

    X509CertificateHolder[] certs = answer.getCerts();
    assertThat(certs).hasSize(1);
    X509Certificate included =
        new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(certs[0]);
    assertThat(included).isEqualTo(delegate.certificate());
    assertThat(included.getExtendedKeyUsage())
        .containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
    included.verify(provider.issuingCertificate().getPublicKey(), Bc.PROVIDER);
    assertThat(verifies(answer, included)).isTrue();
    assertThat(verifies(answer, provider.issuingCertificate())).isFalse();
  }

  @Test
  void unknownModeAnswersUnknown() throws Exception {
    TestProvider provider = provider(KeyKind.EC_P256);
    responder.add(provider);
    responder.mode(OcspResponder.Mode.UNKNOWN);

    BasicOCSPResp answer =
        basic(
            ask(
                provider.issuingCertificate(),
                provider.issueUser("孙八").signature().serialNumber()));

    assertThat(answer.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    assertThat(verifies(answer, provider.issuingCertificate())).isTrue();
  }

  @Test
  void badSignatureModeAnswersAResponseThatDoesNotVerify() throws Exception {
    TestProvider provider = provider(KeyKind.RSA_2048);
    responder.add(provider);
    responder.mode(OcspResponder.Mode.BAD_SIGNATURE);

    BasicOCSPResp answer = basic(ask(provider.issuingCertificate(), BigInteger.TEN));

    assertThat(answer.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    assertThat(verifies(answer, provider.issuingCertificate())).isFalse();
  }

  @Test
  void unauthorizedResponderModeSignsWithAnUnrelatedSelfSignedKey() throws Exception {
    TestProvider provider = provider(KeyKind.EC_P256);
    responder.add(provider);
    responder.mode(OcspResponder.Mode.UNAUTHORIZED_RESPONDER);

    BasicOCSPResp answer = basic(ask(provider.issuingCertificate(), BigInteger.TEN));

    X509Certificate rogue =
        new JcaX509CertificateConverter()
            .setProvider(Bc.PROVIDER)
            .getCertificate(answer.getCerts()[0]);
    assertThat(verifies(answer, rogue)).isTrue();
    assertThat(verifies(answer, provider.issuingCertificate())).isFalse();
    assertThat(rogue.getIssuerX500Principal())
        .isNotEqualTo(provider.issuingCertificate().getSubjectX500Principal());
  }

  @Test
  void updateTimesAreConfigurable() throws Exception {
    TestProvider provider = provider(KeyKind.EC_P256);
    responder.add(provider);
    responder.thisUpdateOffset(Duration.ofHours(-3));
    responder.nextUpdate(Duration.ofHours(1));

    SingleResp stale = basic(ask(provider.issuingCertificate(), BigInteger.TEN)).getResponses()[0];
    responder.noNextUpdate();
    SingleResp open = basic(ask(provider.issuingCertificate(), BigInteger.TEN)).getResponses()[0];

    assertThat(stale.getThisUpdate().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(3)));
    assertThat(stale.getNextUpdate().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(2)));
    assertThat(open.getNextUpdate()).isNull();
  }

  @Test
  void unknownIssuerGetsUnauthorizedAndGarbageGetsMalformed() throws Exception {
    TestProvider known = provider(KeyKind.EC_P256);
    TestProvider stranger = provider(KeyKind.EC_P256);
    responder.add(known);

    assertThat(ask(stranger.issuingCertificate(), BigInteger.TEN).getStatus())
        .isEqualTo(OCSPResp.UNAUTHORIZED);
    var garbage =
        OcspClient.HTTP.send(
            java.net.http.HttpRequest.newBuilder(responder.url())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(new OCSPResp(garbage.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
  }

  @Test
  void slowDownAndRefusingModesBehave() throws Exception {
    TestProvider provider = provider(KeyKind.EC_P256);
    responder.add(provider);
    var request = OcspClient.request(provider.issuingCertificate(), BigInteger.TEN, NONCE);

    responder.delay(Duration.ofMillis(400));
    responder.mode(OcspResponder.Mode.SLOW);
    long started = System.nanoTime();
    assertThat(OcspClient.post(responder.url(), request).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));

    responder.mode(OcspResponder.Mode.DOWN);
    assertThat(OcspClient.post(responder.url(), request).statusCode()).isEqualTo(503);

    responder.mode(OcspResponder.Mode.REFUSING);
    assertThatThrownBy(() -> OcspClient.post(responder.url(), request))
        .isInstanceOf(ConnectException.class);

    responder.mode(OcspResponder.Mode.NORMAL);
    assertThat(OcspClient.post(responder.url(), request).statusCode()).isEqualTo(200);
    assertThat(responder.requestCount()).isEqualTo(3);
  }

  private OCSPResp ask(X509Certificate issuer, BigInteger serial) throws Exception {
    return OcspClient.ask(responder.url(), issuer, serial, NONCE);
  }

  private static TestProvider provider(KeyKind kind) {
    return TestProvider.create("ocsp-" + kind.name().toLowerCase().replace('_', '-'), kind, NOW);
  }

  static BasicOCSPResp basic(OCSPResp response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    return (BasicOCSPResp) response.getResponseObject();
  }

  static boolean verifies(BasicOCSPResp response, X509Certificate signer) throws Exception {
    return response.isSignatureValid(
        new JcaContentVerifierProviderBuilder()
            .setProvider(Bc.PROVIDER)
            .build(signer.getPublicKey()));
  }

  static byte[] nonce(BasicOCSPResp response) {
    return DEROctetString.getInstance(
            response
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                .getExtnValue()
                .getOctets())
        .getOctets();
  }
}
