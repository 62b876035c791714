package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrlServerIT {
  static final Instant NOW = TestProviderTest.NOW;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  CrlServer server;
  TestProvider provider;

  @BeforeEach
  void start() throws Exception {
    server = CrlServer.start();
    provider =
        TestProvider.builder()
            .code("crl-demo")
            .keyKind(KeyKind.EC_P256)
            .at(NOW)
            .crlServer(server)
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesFreshSignedCrlsListingRevocations() throws Exception {
    UserCredentials user = provider.issueUser("张三");
    provider.revoke(user.signature().serialNumber(), NOW.minusSeconds(30));

    HttpResponse<byte[]> response = get(server.issuingCrlUrl("crl-demo"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-crl");
    X509CRL crl = parse(response.body());
    crl.verify(provider.issuingCertificate().getPublicKey(), Bc.PROVIDER);
    assertThat(crl.getRevokedCertificate(user.signature().serialNumber())).isNotNull();
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(NOW);
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    X509CRL root = parse(get(server.rootCrlUrl("crl-demo")).body());
    root.verify(provider.rootCertificate().getPublicKey(), Bc.PROVIDER);
    assertThat(server.issuingCrlUrl("crl-demo").getHost()).isEqualTo("127.0.0.1");
    assertThat(
            new String(
                user.signature()
                    .certificate()
                    .getExtensionValue(
                        org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId()),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains(server.issuingCrlUrl("crl-demo").toString());
  }

  @Test
  void unknownProviderIsNotFound() throws Exception {
    assertThat(get(server.issuingCrlUrl("nobody")).statusCode()).isEqualTo(404);
  }

  @Test
  void slowModeDelaysTheAnswer() throws Exception {
    server.delay(Duration.ofMillis(400));
    server.mode(CrlServer.Mode.SLOW);

    long started = System.nanoTime();
    HttpResponse<byte[]> response = get(server.issuingCrlUrl("crl-demo"));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void downModeAnswers503() throws Exception {
    server.mode(CrlServer.Mode.DOWN);

    assertThat(get(server.issuingCrlUrl("crl-demo")).statusCode()).isEqualTo(503);
  }

  @Test
  void refusingModeRefusesConnectionsAndComesBackOnTheSamePort() throws Exception {
    server.mode(CrlServer.Mode.REFUSING);

    assertThatThrownBy(() -> get(server.issuingCrlUrl("crl-demo")))
        .isInstanceOf(ConnectException.class);

    server.mode(CrlServer.Mode.NORMAL);
    assertThat(get(server.issuingCrlUrl("crl-demo")).statusCode()).isEqualTo(200);
  }

  @Test
  void garbageModeServesBytesThatAreNotACrl() throws Exception {
    server.mode(CrlServer.Mode.GARBAGE);

    HttpResponse<byte[]> response = get(server.issuingCrlUrl("crl-demo"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> parse(response.body())).isInstanceOf(Exception.class);
  }

  private HttpResponse<byte[]> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static X509CRL parse(byte[] der) throws Exception {
    return (X509CRL)
        CertificateFactory.getInstance("X.509", Bc.PROVIDER)
            .generateCRL(new ByteArrayInputStream(der));
  }
}
