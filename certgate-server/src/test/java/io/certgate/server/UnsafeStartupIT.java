package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.server.api.StartupRefused;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production start (no demo profile) with an unsafe configuration stops with a clear message
 * ("APPLICATION FAILED TO START", what is wrong, what to set) instead of running unsafely.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsafeStartupIT {

  private static void start(String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:unsafe-" + System.nanoTime()));
    args.addAll(List.of(settings));
    if (args.stream().noneMatch(a -> a.startsWith("--certgate.audit.key="))) {
      args.add("--certgate.audit.key=" + PlatformIT.AUDIT_KEY);
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CertGateServer.class).run(args.toArray(String[]::new))) {
      throw new AssertionError("started: " + context.getId());
    }
  }

  @Test
  void aProductionStartCreatesNoAccountButTheOneTheEnvironmentNames() {
    for (boolean named : new boolean[] {false, true}) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--server.port=0",
                  "--spring.datasource.url=jdbc:h2:mem:accounts-" + System.nanoTime(),
                  "--certgate.audit.key=" + PlatformIT.AUDIT_KEY,
                  "--certgate.sms.gateway=log"));
      if (named) {
        args.add("--certgate.admin.username=" + PlatformIT.ADMIN);
        args.add("--certgate.admin.password=" + PlatformIT.ADMIN_PASSWORD);
      }
      try (ConfigurableApplicationContext context =
          new SpringApplicationBuilder(CertGateServer.class).run(args.toArray(String[]::new))) {
        List<String> users =
            context
                .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT username FROM users")
                .query(String.class)
                .list();
        assertThat(users)
            .as("named=%s", named)
            .isEqualTo(named ? List.of(PlatformIT.ADMIN) : List.of());
      }
    }
  }

  @Test
  void withoutAnSmsGatewayTheServerDoesNotStart(CapturedOutput output) {
    assertThatThrownBy(UnsafeStartupIT::start).hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START", "No SMS gateway is configured")
        .contains("CERTGATE_SMS_GATEWAY=http");
  }

  @Test
  void withoutAnAuditKeyTheServerDoesNotStart(CapturedOutput output) {
    assertThatThrownBy(() -> start("--certgate.sms.gateway=log", "--certgate.audit.key="))
        .hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll()).contains("No audit key is configured", "CERTGATE_AUDIT_KEY");
  }

  @Test
  void anAuditKeyShorterThan32BytesIsRefused(CapturedOutput output) {
    assertThatThrownBy(() -> start("--certgate.sms.gateway=log", "--certgate.audit.key=c2hvcnQ="))
        .hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll()).contains("at least 32 bytes");
  }

  @Test
  void anSmsCodeKeyShorterThan32BytesIsRefused(CapturedOutput output) {
    assertThatThrownBy(
            () -> start("--certgate.sms.gateway=log", "--certgate.sms.code-key=c2hvcnQ="))
        .hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll()).contains("certgate.sms.code-key", "CERTGATE_SMS_CODE_KEY");
  }

  @Test
  void onADetectedCloudPlatformTheContainerStillTrustsNoForwardedHeader() throws Exception {
    // Boot would switch Tomcat's own X-Forwarded-For handling on here, trusting every private and
    // loopback address; the server pins it off, so a loopback client's header changes nothing
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CertGateServer.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:cloud-" + System.nanoTime(),
                "--certgate.audit.key=" + PlatformIT.AUDIT_KEY,
                "--certgate.sms.gateway=log",
                "--spring.main.cloud-platform=kubernetes")) {
      int port =
          ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
              .getWebServer()
              .getPort();
      Browser.Res metrics =
          new Browser(port).header("X-Forwarded-For", "203.0.113.5").get("/actuator/prometheus");
      assertThat(metrics.status()).as("still the loopback peer").isEqualTo(200);
    }
  }

  @Test
  void aPublicOriginThatIsNoOriginStopsTheServerNamingTheSetting(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    "--certgate.sms.gateway=log",
                    "--certgate.public-origin=https://zfcg.example.gov.cn/login"))
        .hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains(
            "CERTGATE_PUBLIC_ORIGIN (certgate.public-origin): \"https://zfcg.example.gov.cn/login\""
                + " is not a web origin: it has a path")
        .contains("Set CERTGATE_PUBLIC_ORIGIN to the origin users open the platform at");
  }

  @Test
  void containerForwardedHeaderHandlingIsRefused(CapturedOutput output) {
    assertThatThrownBy(
            () -> start("--certgate.sms.gateway=log", "--server.forward-headers-strategy=native"))
        .hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll()).contains("CERTGATE_TRUSTED_PROXIES");
  }

  @Test
  void aTrustedProxyThatIsNoAddressIsRefused(CapturedOutput output) {
    assertThatThrownBy(
            () -> start("--certgate.sms.gateway=log", "--certgate.trusted-proxies=proxy.example"))
        .hasRootCauseInstanceOf(StartupRefused.class);
    assertThat(output.getAll()).contains("proxy.example");
  }
}
