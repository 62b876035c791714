package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.CrlServer;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CRL server (real HTTP on loopback) that starts serving garbage: the CRL held is kept and used
 * until its nextUpdate, then nothing is established ({@code REVOCATION_UNKNOWN} under HARD,
 * accepted under SOFT), and logins recover once good CRLs are served again. The server's clock is
 * moved past nextUpdate; refreshes are triggered through the operators' endpoint. The CRL gauges
 * follow.
 */
abstract class CrlFaultSuite extends CaPlatformIT {
  /** nextUpdate − thisUpdate of the CRLs served (the CrlServer default). */
  private static final Duration CRL_VALIDITY = Duration.ofDays(1);

  private static CrlServer crls;

  @BeforeAll
  static void server() throws IOException {
    crls = CrlServer.start();
  }

  @AfterAll
  static void stop() {
    crls.close();
  }

  @AfterEach
  void serveAgain() throws IOException {
    crls.mode(CrlServer.Mode.NORMAL);
  }

  /** A CRL provider with one revoked and one good lock, the good one bound to a member. */
  private record Locks(String provider, Credential good, Credential revoked) {}

  private Locks locks(Browser admin, String failure) {
    String region = caRegion(admin);
    TestProvider p =
        TestProvider.builder()
            .code(unique("c"))
            .keyKind(KeyKind.EC_P256)
            .clock(clock)
            .crlServer(crls)
            .build();
    Credential revoked = p.issueUser("已吊销").signature();
    p.revoke(revoked.certificate()); // before the first download, so the first CRL lists it
    register(
        admin,
        p,
        "{\"mode\":\"CRL\",\"failure\":\"%s\",\"crlUrls\":[\"%s\",\"%s\"]}"
            .formatted(failure, crls.issuingCrlUrl(p.code()), crls.rootCrlUrl(p.code())));
    enable(admin, region, p.code());
    long member = user(admin, organizationIn(admin, region), "MEMBER").path("id").asLong();
    Credential good = p.issueUser("正常").signature();
    Browser.Res r = bind(admin, member, good);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Locks(p.code(), good, revoked);
  }

  /** Asks for a refresh; the session is a fresh one, as the test clock may be past 12 h. */
  private void refresh(Browser unused) {
    Browser.Res r = admin().post("/api/admin/ca/crls/refresh", "");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private String login(Credential lock) {
    Browser.Res r = caLogin(browser(), lock);
    return r.status() == 200 ? "OK" : r.error();
  }

  @Test
  void garbageKeepsTheHeldCrlUntilItsNextUpdateThenHardRefusesUntilGoodCrlsReturn()
      throws IOException {
    Browser admin = admin();
    Locks l = locks(admin, "HARD");
    assertThat(login(l.good())).isEqualTo("OK");
    assertThat(login(l.revoked())).isEqualTo("CERT_REVOKED");

    crls.mode(CrlServer.Mode.GARBAGE);
    refresh(admin);
    assertThat(login(l.good())).isEqualTo("OK");
    assertThat(login(l.revoked())).isEqualTo("CERT_REVOKED"); // still known from the held CRL
    String scrape = scrape();
    assertThat(gauge(scrape, "certgate_crl_failed_downloads", l.provider())).isGreaterThan(0);
    assertThat(gauge(scrape, "certgate_crl_next_update_seconds", l.provider())).isPositive();

    clock.advance(CRL_VALIDITY.plusHours(1)); // the held CRLs are past their nextUpdate
    refresh(admin);
    assertThat(login(l.good())).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(login(l.revoked())).isEqualTo("REVOCATION_UNKNOWN");
    scrape = scrape();
    assertThat(gauge(scrape, "certgate_crl_next_update_seconds", l.provider())).isNegative();
    assertThat(gauge(scrape, "certgate_crl_age_seconds", l.provider()))
        .isGreaterThan(CRL_VALIDITY.toSeconds());

    crls.mode(CrlServer.Mode.NORMAL);
    refresh(admin);
    assertThat(login(l.good())).isEqualTo("OK");
    assertThat(login(l.revoked())).isEqualTo("CERT_REVOKED");
    scrape = scrape();
    assertThat(gauge(scrape, "certgate_crl_failed_downloads", l.provider())).isZero();
    assertThat(gauge(scrape, "certgate_crl_age_seconds", l.provider())).isLessThan(60);
  }

  @Test
  void pastNextUpdateSoftAcceptsWhatNoCrlCanAnswerFor() throws IOException {
    Browser admin = admin();
    Locks l = locks(admin, "SOFT");
    assertThat(login(l.revoked())).isEqualTo("CERT_REVOKED");

    crls.mode(CrlServer.Mode.GARBAGE);
    clock.advance(CRL_VALIDITY.plusHours(1));
    refresh(admin);

    assertThat(login(l.good())).isEqualTo("OK");
  }

  @Test
  void aProviderChangeWhileTheServerServesGarbageKeepsTheCurrentCrl() throws IOException {
    Browser admin = admin();
    Locks l = locks(admin, "HARD");
    assertThat(login(l.revoked())).isEqualTo("CERT_REVOKED");
    crls.mode(CrlServer.Mode.GARBAGE);

    setup(admin, KeyKind.EC_P256); // another provider registered: every validator is rebuilt

    assertThat(login(l.revoked())).isEqualTo("CERT_REVOKED");
    assertThat(login(l.good())).isEqualTo("OK");
  }

  private String scrape() {
    Browser.Res r = browser().get("/actuator/prometheus");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  /** A per-provider gauge; Prometheus writes infinities as {@code ±Inf}. */
  private static double gauge(String scrape, String name, String provider) {
    assertThat(PrometheusText.has(scrape, name)).as(name).isTrue();
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{") && line.contains("provider=\"" + provider + "\"")) {
        String value = line.substring(line.lastIndexOf(' ') + 1);
        return Double.parseDouble(value.replace("Inf", "Infinity"));
      }
    }
    throw new AssertionError("no " + name + " for " + provider);
  }
}
