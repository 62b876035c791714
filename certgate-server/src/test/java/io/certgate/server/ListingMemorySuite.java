package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.KeyKind;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The CA用户管理 listing of an organisation large enough (2,400 users, over the default 2,000) to be
 * answered from each node's memory, through the API: every answer equals what the SQL query the
 * database path runs gives on the same rows (run here by the test itself), for typed-in names full
 * of LIKE's special characters, Chinese, case and characters outside the BMP, with and without
 * 是否绑定, at the first, a deep, the last and a past-the-end page; and every write that changes the
 * listing is in the very next one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListingMemorySuite extends CaPlatformIT {
  private static final int USERS = 2_400;

  /** Display-name stems, each chosen to trip a wrong escape, case fold or character split. */
  private static final String[] STEMS = {
    "张三", "100%纯", "a_b", "a\\b", "AbC", "abc", "名_称", "x%y", "反斜杠\\", "😀表情", "ǅ字", "空 格"
  };

  @Autowired DataSource dataSource;
  @Autowired MeterRegistry meters;

  private Setup setup;
  private String tag;
  private final List<Long> ids = new ArrayList<>();

  @BeforeAll
  void seed() throws SQLException {
    setup = setup(admin(), KeyKind.EC_P256);
    tag = "m" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    long mobiles = ThreadLocalRandom.current().nextLong(100_000) * 10_000;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement u =
          c.prepareStatement(
              "INSERT INTO users (organization_id, username, display_name, mobile, password_hash,"
                  + " status, created_by, created_at, binding_count)"
                  + " VALUES (?, ?, ?, ?, 'x', 'ENABLED', 'seed', ?, ?)",
              new String[] {"id"})) {
        for (int i = 0; i < USERS; i++) {
          u.setLong(1, setup.organization());
          u.setString(2, tag + "-" + i + (i % 7 == 0 ? "_U%" : ""));
          u.setString(3, STEMS[i % STEMS.length] + i);
          u.setString(4, "16" + String.format("%09d", mobiles + i));
          u.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
          u.setInt(6, bound(i) ? 1 : 0);
          u.executeUpdate();
          try (ResultSet k = u.getGeneratedKeys()) {
            k.next();
            ids.add(k.getLong(1));
          }
        }
      }
      try (PreparedStatement b =
          c.prepareStatement(
              "INSERT INTO ca_bindings (user_id, provider_code, lock_id, certificate_name,"
                  + " serial_number, subject, issuer, fingerprint, certificate, not_after,"
                  + " bound_by, bound_at, organization_id)"
                  + " VALUES (?, ?, ?, 'CN=x', '01', 'CN=x', 'CN=Seed CA', 'ff', 'MA==', ?, 'seed',"
                  + " ?, ?)")) {
        for (int i = 0; i < USERS; i++) {
          if (bound(i)) {
            b.setLong(1, ids.get(i));
            b.setString(2, setup.provider().code());
            b.setString(3, tag + "-lock-" + i);
            b.setTimestamp(4, Timestamp.from(Instant.parse("2030-01-01T00:00:00Z")));
            b.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
            b.setLong(6, setup.organization());
            b.addBatch();
          }
        }
        b.executeBatch();
      }
      // written past the application: move the listing version on as its writes do (V21_1)
      try (PreparedStatement v =
          c.prepareStatement(
              "UPDATE organizations SET listing_version = listing_version + 1 WHERE id = ?")) {
        v.setLong(1, setup.organization());
        v.executeUpdate();
      }
      c.commit();
    }
  }

  private static boolean bound(int i) {
    return i % 3 == 0;
  }

  @Test
  void everyNameBoundFilterAndPageEqualsTheSqlAnswer() throws SQLException {
    Browser admin = admin();
    String[] names = {
      null,
      "%",
      "_",
      "\\",
      "a_b",
      "a%b",
      "AbC",
      "abc",
      "ABC",
      "张",
      "纯",
      "😀",
      "\\b",
      " a_b ",
      "U%",
      "_U",
      "%纯",
      "ǅ",
      "ǆ",
      "空 格",
      "1",
      "12",
      tag,
      tag + "-1",
      "无此人",
      "\\\\",
      "%%"
    };
    double before = memoryAnswers();
    int asked = 0;
    for (String name : names) {
      for (Boolean bound : new Boolean[] {null, true, false}) {
        List<Long> expected = sqlAnswer(name, bound);
        int last = Math.max(1, (expected.size() + 9) / 10);
        for (int page : new int[] {1, 2, (last + 1) / 2, last, last + 1}) {
          JsonNode r = users(admin, name, bound, page);
          String what = "name=%s bound=%s page=%d".formatted(name, bound, page);
          assertThat(r.path("total").asLong()).as(what).isEqualTo(expected.size());
          assertThat(userIds(r)).as(what).isEqualTo(slice(expected, page));
          asked++;
        }
      }
    }
    assertThat(memoryAnswers() - before).isGreaterThanOrEqualTo(asked);
  }

  @Test
  void aNewUserARenameABindAndAnUnbindAreInTheVeryNextListing() {
    Browser admin = admin();
    String fresh = "新人" + tag;
    assertThat(users(admin, fresh, null, 1).path("total").asLong()).isZero();
    long all = users(admin, null, null, 1).path("total").asLong();
    JsonNode member = user(admin, setup.organization(), "MEMBER");
    long id = member.path("id").asLong();
    assertThat(users(admin, null, null, 1).path("total").asLong()).isEqualTo(all + 1);
    assertThat(userIds(users(admin, null, null, (int) (all / 10) + 1))).endsWith(id);

    Browser.Res renamed =
        admin.put(
            "/api/admin/users/" + id,
            "{\"displayName\":\"%s\",\"mobile\":\"%s\",\"roles\":[\"MEMBER\"]}"
                .formatted(fresh, member.path("mobile").asString()));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(userIds(users(admin, fresh, null, 1))).containsExactly(id);
    assertThat(userIds(users(admin, fresh, false, 1))).containsExactly(id);

    Browser.Res bound = bind(admin, id, setup.provider().issueUser("新锁").signature());
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    assertThat(userIds(users(admin, fresh, true, 1))).containsExactly(id);
    assertThat(users(admin, fresh, false, 1).path("total").asLong()).isZero();

    assertThat(admin.delete("/api/ca/bindings/" + bound.json().path("id").asLong()).status())
        .isEqualTo(204);
    assertThat(users(admin, fresh, true, 1).path("total").asLong()).isZero();
    assertThat(userIds(users(admin, fresh, false, 1))).containsExactly(id);
  }

  /** What the database path's query gives: the same LIKE with the same escapes, in id order. */
  private List<Long> sqlAnswer(@Nullable String name, @Nullable Boolean bound) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT u.id FROM users u WHERE u.organization_id = ?");
    boolean named = name != null && !name.isBlank();
    if (named) {
      sql.append(" AND (u.display_name LIKE ? OR u.username LIKE ?)");
    }
    if (bound != null) {
      sql.append(bound ? " AND" : " AND NOT")
          .append(" EXISTS (SELECT 1 FROM ca_bindings b WHERE b.user_id = u.id)");
    }
    List<Long> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql + " ORDER BY u.id")) {
      s.setLong(1, setup.organization());
      if (named) {
        String t = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        s.setString(2, "%" + t + "%");
        s.setString(3, "%" + t + "%");
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private double memoryAnswers() {
    return meters.counter("certgate.listing.answers", "source", "memory").count();
  }

  private JsonNode users(Browser b, @Nullable String name, @Nullable Boolean bound, int page) {
    String query = "/api/ca/users?organizationId=" + setup.organization() + "&page=" + page;
    if (name != null) {
      query += "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
    if (bound != null) {
      query += "&bound=" + bound;
    }
    Browser.Res r = b.get(query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<Long> userIds(JsonNode page) {
    List<Long> out = new ArrayList<>();
    page.path("items").forEach(i -> out.add(i.path("userId").asLong()));
    return out;
  }

  private static List<Long> slice(List<Long> all, int page) {
    int from = Math.min(all.size(), (page - 1) * 10);
    return all.subList(from, Math.min(all.size(), from + 10));
  }
}
