package io.certgate.server.demo;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo data when the demo region is absent, so a restart keeps what the demo user did.
 * Writes rows directly: seeding is set-up, not an administrator's change, so it is not audited.
 */
@Component
@Profile("demo")
@Order(10)
class DemoSeeder implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
  static final String ORGANIZATION = "培训省大河商贸有限公司";

  /** A 统一社会信用代码 with a correct GB 32100-2015 check character. */
  static final String CREDIT_CODE = "91339900MA2B7C4D5E";

  static final String MEMBER_PASSWORD = "Cg#Member2026";
  static final String ORG_ADMIN_PASSWORD = "Cg#OrgAdmin2026";

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String port;
  private final String adminUsername;

  DemoSeeder(
      JdbcClient jdbc,
      PasswordEncoder encoder,
      Clock clock,
      @Value("${server.port:8080}") String port,
      @Value("${certgate.admin.username:}") String adminUsername) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
    this.port = port;
    this.adminUsername = adminUsername;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    boolean seeded =
        jdbc.sql("SELECT COUNT(*) FROM regions WHERE code = '330000'").query(Long.class).single()
            > 0;
    if (!seeded) {
      seed();
    }
    // a console banner, not a log record: it names only the demo profile's published defaults
    System.out.printf(
        """

        ==================== CertGate demo ====================
        打开 http://localhost:%s/login  (验证码见页面;短信验证码打印在本日志中)
          运营机构管理员  %s / (CERTGATE_ADMIN_PASSWORD, demo 默认 Demo#Platform2026)
          机构管理员      dahe-admin / %s   (培训省大河商贸有限公司)
          经办人梅里      meili / %s        手机 13800000002
          经办人四海      sihai / %s        手机 13800000003
        数据保存在 CERTGATE_DATA_DIR (默认 ./data),重启后保留。
        =======================================================%n""",
        port, adminUsername, ORG_ADMIN_PASSWORD, MEMBER_PASSWORD, MEMBER_PASSWORD);
  }

  private void seed() {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    jdbc.sql(
            "INSERT INTO regions (code, name, parent_code, ca_enabled, created_at) VALUES (?, ?, ?, ?, ?)")
        .params("330000", "浙江省", null, true, now)
        .update();
    jdbc.sql(
            "INSERT INTO regions (code, name, parent_code, ca_enabled, created_at) VALUES (?, ?, ?, ?, ?)")
        .params("339900", "培训省本级", "330000", null, now)
        .update();
    jdbc.sql(
            "INSERT INTO organizations (name, region_code, kind, credit_code, created_by, created_at)"
                + " VALUES (?, '339900', 'SUPPLIER', ?, 'system', ?)")
        .params(ORGANIZATION, CREDIT_CODE, now)
        .update();
    long org =
        jdbc.sql("SELECT id FROM organizations WHERE credit_code = ?")
            .param(CREDIT_CODE)
            .query(Long.class)
            .single();
    user(org, "dahe-admin", "大河管理员", "13800000001", ORG_ADMIN_PASSWORD, "ORG_ADMIN", now);
    user(org, "meili", "经办人梅里", "13800000002", MEMBER_PASSWORD, "MEMBER", now);
    user(org, "sihai", "经办人四海", "13800000003", MEMBER_PASSWORD, "MEMBER", now);
    log.info("seeded the demo region, organisation and users");
  }

  private void user(
      long org,
      String username,
      String name,
      String mobile,
      String password,
      String role,
      java.time.OffsetDateTime now) {
    jdbc.sql(
            "INSERT INTO users (organization_id, username, display_name, mobile, password_hash,"
                + " status, failed_attempts, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'ENABLED', 0, 'system', ?)")
        .params(org, username, name, mobile, encoder.encode(password), now)
        .update();
    long id =
        jdbc.sql("SELECT id FROM users WHERE username = ?")
            .param(username)
            .query(Long.class)
            .single();
    jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)").params(id, role).update();
    // as every new user does: nodes keep the CA listings per listing version (V21_1)
    jdbc.sql("UPDATE organizations SET listing_version = listing_version + 1 WHERE id = ?")
        .param(org)
        .update();
  }
}
