package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.challenge.ChallengeStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.SessionRepository;

/** Health probes, Prometheus metrics, and the single-node default (no Redis at all). */
abstract class ObservabilitySuite extends PlatformIT {
  @Autowired ApplicationContext context;

  @Test
  void healthAndProbesArePublicAndTerse() {
    for (String path :
        new String[] {
          "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"
        }) {
      Browser.Res r = browser().get(path);
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
      assertThat(r.json().path("status").asString()).isEqualTo("UP");
      assertThat(r.json().has("components")).isFalse();
    }
  }

  @Test
  void otherActuatorEndpointsAreClosed() {
    // anonymous: sent to the login page like any other page; signed in, even as admin: refused
    Browser.Res anonymous = browser().get("/actuator/env");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location").orElse("")).endsWith("/login");
    assertThat(admin().get("/actuator/env").status()).isEqualTo(403);
    assertThat(admin().get("/actuator/beans").status()).isEqualTo(403);
  }

  @Test
  void loginsAreCountedByMethodAndOutcome() {
    double ok = logins("PASSWORD", "SUCCESS");
    double bad = logins("PASSWORD", "BAD_CREDENTIALS");
    admin();
    assertThat(passwordLogin(browser(), ADMIN, "Wrong#Pass0").error()).isEqualTo("BAD_CREDENTIALS");
    assertThat(logins("PASSWORD", "SUCCESS")).isEqualTo(ok + 1);
    assertThat(logins("PASSWORD", "BAD_CREDENTIALS")).isEqualTo(bad + 1);
  }

  @Test
  void loginAuditRowsAreCountedPerSharedTransaction() {
    double commits = scrape("certgate_audit_batch_rows_count");
    double rows = scrape("certgate_audit_batch_rows_sum");
    assertThat(passwordLogin(browser(), ADMIN, "Wrong#Pass0").error()).isEqualTo("BAD_CREDENTIALS");
    assertThat(scrape("certgate_audit_batch_rows_count")).isGreaterThan(commits);
    assertThat(scrape("certgate_audit_batch_rows_sum")).isGreaterThan(rows);
  }

  @Test
  void singleNodeModeUsesNoRedis() {
    assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
    assertThat(context.getBeanNamesForType(SessionRepository.class)).isEmpty();
    assertThat(context.getBean(ChallengeStore.class).getClass().getSimpleName())
        .contains("InMemory");
  }

  private double scrape(String metric) {
    Browser.Res r = browser().get("/actuator/prometheus");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return PrometheusText.value(r.body(), metric);
  }

  /** The counter's value in the Prometheus scrape (read from loopback, which is allowed). */
  private double logins(String method, String outcome) {
    Browser.Res r = browser().get("/actuator/prometheus");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return PrometheusText.value(
        r.body(), "certgate_logins_total", "method", method, "outcome", outcome);
  }
}
