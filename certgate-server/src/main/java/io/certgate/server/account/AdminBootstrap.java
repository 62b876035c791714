package io.certgate.server.account;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first platform administrator from {@code CERTGATE_ADMIN_USERNAME} / {@code
 * CERTGATE_ADMIN_PASSWORD} when no user of that name exists. An existing account is never
 * overwritten, so changing the variables cannot reset a password behind the operators' back.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  static final String SYSTEM = "system";

  private final JdbcUsers users;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String username;
  private final String password;

  AdminBootstrap(
      JdbcUsers users,
      PasswordEncoder encoder,
      Clock clock,
      @Value("${certgate.admin.username:}") String username,
      @Value("${certgate.admin.password:}") String password) {
    this.users = users;
    this.encoder = encoder;
    this.clock = clock;
    this.username = username;
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (username.isBlank() || password.isBlank() || users.usernameTaken(username)) {
      return;
    }
    PasswordPolicy.violation(username, password)
        .ifPresent(
            rule -> {
              throw new IllegalStateException("CERTGATE_ADMIN_PASSWORD is too weak: " + rule);
            });
    users.insert(
        new JdbcUsers.NewUserRow(
            null,
            username,
            "运营机构管理员",
            placeholderMobile(),
            encoder.encode(password),
            Set.of(Role.PLATFORM_ADMIN),
            SYSTEM,
            clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    log.info("created platform administrator '{}'", username);
  }

  /**
   * The bootstrap account has no phone; mobiles are unique, so it gets "10" + 9 digits derived from
   * its name: a number no mobile operator issues, hence never reachable by SMS login.
   */
  private String placeholderMobile() {
    return "10" + String.format("%09d", Math.floorMod(username.hashCode(), 1_000_000_000));
  }
}
