package io.certgate.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The platform service. Features are packages under this one (Spring Modulith modules): {@code
 * api}, {@code limit}, {@code region}, {@code account}, {@code sms}, {@code login}, {@code audit},
 * {@code web}, {@code demo}; CA providers and bindings join as {@code provider} and {@code
 * binding}.
 */
// Users log in only through the login feature's endpoints; Boot's fallback in-memory user (with a
// generated password printed at start-up) would be an unused second account store.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class CertGateServer {

  public static void main(String[] args) {
    // the captcha is drawn with java.awt: never try to reach a display
    System.setProperty("java.awt.headless", "true");
    System.setProperty("certgate.data-dir", dataDirectory());
    SpringApplication.run(CertGateServer.class, args);
  }

  /**
   * {@code CERTGATE_DATA_DIR} (default {@code ./data}) as an absolute path: H2 refuses file URLs
   * that are implicitly relative, so {@code CERTGATE_DATA_DIR=data} would otherwise fail to start.
   */
  static String dataDirectory() {
    String dir = System.getProperty("certgate.data-dir", System.getenv("CERTGATE_DATA_DIR"));
    return Path.of(dir == null || dir.isBlank() ? "data" : dir)
        .toAbsolutePath()
        .normalize()
        .toString();
  }

  /** Time for every rule with a deadline (lockout, codes, captchas, audit); tests replace it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Randomness for codes, captchas and ids. */
  @Bean
  SecureRandom secureRandom() {
    return new SecureRandom();
  }
}
