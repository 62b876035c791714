package io.certgate.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.revocation.OcspOutcome.Reason;
import io.certgate.core.support.MutableClock;
import io.certgate.core.support.OcspTestResponder;
import io.certgate.core.support.OcspTestResponder.Fault;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.OcspResponder;
import io.certgate.testpki.TestProvider;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OCSP client against a real responder on loopback, one fault at a time. */
class OcspClientIT {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static TestProvider provider;
  private static OcspTestResponder responder;

  private X509Certificate cert;

  @BeforeAll
  static void start() {
    provider = Pki.provider("ocsp-client", KeyKind.EC_P256, CLOCK);
    responder = new OcspTestResponder(provider, CLOCK);
  }

  @AfterAll
  static void stop() {
    responder.close();
  }

  @BeforeEach
  void freshCertificate() {
    responder.fault(Fault.NONE);
    cert = provider.issueUser("OCSP").signature().certificate();
  }

  @ParameterizedTest
  @CsvSource({
    "WRONG_NONCE, NONCE_MISMATCH",
    "NO_NONCE, NONCE_MISMATCH",
    "BAD_SIGNATURE, BAD_SIGNATURE",
    "STATUS_UNKNOWN, STATUS_UNKNOWN",
    "EXPIRED_ANSWER, NOT_CURRENT",
    "DOWN, HTTP_ERROR"
  })
  void namesWhyAnAnswerEstablishesNothing(Fault fault, Reason reason) {
    responder.fault(fault);

    OcspOutcome outcome =
        client(Optional.of(responder.url())).ask(cert, provider.issuingCertificate());

    assertThat(outcome.reason()).isEqualTo(reason);
    assertThat(outcome.status()).isEmpty();
  }

  @Test
  void refusesResponderTheIssuerDidNotAuthorise() {
    HttpOcspClient client = client(Optional.of(responder.url()));
    responder.signWith(provider.issueUser("imposter").signature());
    try {
      assertThat(client.ask(cert, provider.issuingCertificate()).reason())
          .isEqualTo(Reason.UNAUTHORIZED_RESPONDER);
    } finally {
      responder.signWith(provider.issuing());
    }
  }

  @Test
  void acceptsResponderTheIssuerDelegatedTo() {
    responder.signWith(provider.issueOcspResponder());
    try {
      assertThat(
              client(Optional.of(responder.url()))
                  .ask(cert, provider.issuingCertificate())
                  .status())
          .hasValueSatisfying(s -> assertThat(s.revoked()).isFalse());
    } finally {
      responder.signWith(provider.issuing());
    }
  }

  @Test
  void acceptsLocallyTrustedResponder() {
    TestProvider other = Pki.provider("ocsp-trusted", KeyKind.EC_P256, CLOCK);
    var trusted = other.issueOcspResponder();
    responder.signWith(trusted);
    try {
      HttpOcspClient client =
          new HttpOcspClient(
              OcspClient.builder()
                  .clock(CLOCK)
                  .secureRandom(new SecureRandom())
                  .responderUrl(Optional.of(responder.url()))
                  .trustedResponder(Optional.of(trusted.certificate())));
      assertThat(client.ask(cert, provider.issuingCertificate()).reason())
          .isEqualTo(Reason.ESTABLISHED);
    } finally {
      responder.signWith(provider.issuing());
    }
  }

  @Test
  void cachesAnAnswerUntilItsNextUpdate() {
    HttpOcspClient client = client(Optional.of(responder.url()));
    int before = responder.requests();

    assertThat(client.status(cert, provider.issuingCertificate())).isPresent();
    assertThat(client.status(cert, provider.issuingCertificate())).isPresent();
    assertThat(responder.requests() - before).isEqualTo(1);

    CLOCK.advance(Duration.ofHours(2)); // the responder's answers live one hour
    assertThat(client.status(cert, provider.issuingCertificate())).isPresent();
    assertThat(responder.requests() - before).isEqualTo(2);
  }

  @Test
  void withoutAnyResponderNothingIsEstablished() {
    assertThat(client(Optional.empty()).ask(cert, provider.issuingCertificate()).reason())
        .isEqualTo(Reason.NO_RESPONDER); // this provider's certificates name none
  }

  @Test
  void asksTheResponderNamedInTheCertificateWhenNoneIsConfigured() {
    try (OcspTestResponder own = new OcspTestResponder(CLOCK)) {
      TestProvider named =
          TestProvider.builder()
              .code("aia")
              .keyKind(KeyKind.SM2)
              .clock(CLOCK)
              .ocspUrl(own.url())
              .build();
      own.serve(named);
      X509Certificate user = named.issueUser("aia").signature().certificate();
      named.revoke(user);

      assertThat(client(Optional.empty()).status(user, named.issuingCertificate()))
          .hasValueSatisfying(s -> assertThat(s.revoked()).isTrue());
      assertThat(
              client(Optional.empty()).status(named.issuingCertificate(), named.rootCertificate()))
          .hasValueSatisfying(s -> assertThat(s.revoked()).isFalse());
      assertThat(own.requests()).isEqualTo(2);
    }
  }

  @Test
  void aSlowResponderTimesOutOnceThenIsLeftAloneForTheHoldDown() throws Exception {
    TestProvider slowCa = Pki.provider("ocsp-slow", KeyKind.EC_P256, CLOCK);
    List<OcspFailure> failures = new CopyOnWriteArrayList<>();
    try (OcspResponder slow = OcspResponder.start()) {
      slow.add(slowCa).mode(OcspResponder.Mode.SLOW);
      slow.delay(Duration.ofSeconds(10));
      HttpOcspClient client =
          new HttpOcspClient(
              OcspClient.builder()
                  .clock(CLOCK)
                  .secureRandom(new SecureRandom())
                  .responderUrl(Optional.of(slow.url()))
                  .timeout(Duration.ofMillis(500))
                  .holdDown(Duration.ofMinutes(1))
                  .onFailure(failures::add));
      X509Certificate user = slowCa.issueUser("slow").signature().certificate();

      long start = System.nanoTime();
      assertThat(client.ask(user, slowCa.issuingCertificate()).reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(client.ask(user, slowCa.issuingCertificate()).reason()).isEqualTo(Reason.TIMEOUT);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofSeconds(5)); // one timeout, not the 10 s delay
      assertThat(slow.requestCount()).isEqualTo(1); // the second was not sent
      assertThat(failures).containsExactly(OcspFailure.TIMEOUT, OcspFailure.TIMEOUT);
    }
  }

  @Test
  void aResponderStallingMidAnswerTimesOut() {
    try (io.certgate.core.support.BytesServer stalling =
        new io.certgate.core.support.BytesServer()) {
      URI url = stalling.put("/ocsp", new byte[4096]);
      stalling.stall(Duration.ofSeconds(8));
      HttpOcspClient client =
          new HttpOcspClient(
              OcspClient.builder()
                  .clock(CLOCK)
                  .secureRandom(new SecureRandom())
                  .responderUrl(Optional.of(url))
                  .timeout(Duration.ofMillis(500)));

      long start = System.nanoTime();
      OcspOutcome outcome = client.ask(cert, provider.issuingCertificate());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(outcome.reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(took).isLessThan(Duration.ofSeconds(4)); // not the 8 s stall
    }
  }

  @Test
  void reportsEachFailureToTheListenerByKind() {
    List<OcspFailure> failures = new CopyOnWriteArrayList<>();
    HttpOcspClient client =
        new HttpOcspClient(
            OcspClient.builder()
                .clock(CLOCK)
                .secureRandom(new SecureRandom())
                .responderUrl(Optional.of(responder.url()))
                .onFailure(failures::add));
    for (Fault fault : List.of(Fault.DOWN, Fault.BAD_SIGNATURE, Fault.WRONG_NONCE)) {
      responder.fault(fault);
      client.status(cert, provider.issuingCertificate());
    }
    responder.fault(Fault.NONE);
    client.status(cert, provider.issuingCertificate());

    assertThat(failures)
        .containsExactly(
            OcspFailure.HTTP_ERROR, OcspFailure.BAD_SIGNATURE, OcspFailure.BAD_RESPONSE);
  }

  @Test
  void cacheKeepsAtMostItsCapacity() {
    StatusCache cache = new StatusCache(2);
    RevocationStatus good = RevocationStatus.good(Optional.of(Instant.MAX), "t");
    cache.put("a", good);
    cache.put("b", good);
    cache.get("a", Instant.EPOCH);
    cache.put("c", good);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("a", Instant.EPOCH)).isPresent();
    assertThat(cache.get("b", Instant.EPOCH)).isEmpty();
  }

  private static HttpOcspClient client(Optional<URI> url) {
    return new HttpOcspClient(
        OcspClient.builder()
            .clock(CLOCK)
            .secureRandom(new SecureRandom())
            .responderUrl(url)
            .timeout(Duration.ofSeconds(2)));
  }
}
