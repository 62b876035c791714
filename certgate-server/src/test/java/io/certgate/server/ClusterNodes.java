package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.login.RecordingCaptchaText;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one node of a test cluster: the whole server on a free port in cluster mode, on the given
 * PostgreSQL and Redis, with its own data folder and the tests' platform administrator. The suites
 * add the settings their scenario needs (captcha, limits, poll intervals).
 */
final class ClusterNodes {
  private ClusterNodes() {}

  static ConfigurableApplicationContext start(
      List<Class<?>> sources, String jdbcUrl, String redisUrl, String... settings)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--certgate.redis-url=" + redisUrl,
                "--certgate.data-dir=" + Files.createTempDirectory("certgate-node"),
                "--certgate.admin.username=" + PlatformIT.ADMIN,
                "--certgate.admin.password=" + PlatformIT.ADMIN_PASSWORD,
                "--certgate.sms.gateway=log",
                "--certgate.audit.key=" + PlatformIT.AUDIT_KEY));
    args.addAll(List.of(settings));
    return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .run(args.toArray(String[]::new));
  }

  /** A browser logged in on {@code node} as the tests' platform administrator. */
  static Browser admin(ConfigurableApplicationContext node) {
    Browser browser = new Browser(port(node));
    Browser.Res c = browser.get("/api/captcha");
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    String answer = node.getBean(RecordingCaptchaText.class).last();
    Browser.Res login =
        browser.post(
            "/api/auth/password",
            "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
                .formatted(
                    PlatformIT.ADMIN,
                    PlatformIT.ADMIN_PASSWORD,
                    c.json().path("captchaId").asString(),
                    answer));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return browser;
  }

  /** The port a started node listens on. */
  static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
