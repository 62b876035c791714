package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The audit log records logins and changes, and its hash chain finds edited and deleted rows. */
abstract class AuditSuite extends PlatformIT {
  @Autowired JdbcClient jdbc;

  private JsonNode verify(Browser pa) {
    Browser.Res r = pa.get("/api/admin/audit/verify");
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  @Test
  void recordsLoginFailuresWithTheirReasonAndAdminChanges() {
    Browser pa = admin();
    String login = unique("ghost");
    passwordLogin(browser(), login, "Wrong#Pass1");
    JsonNode rows = pa.get("/api/admin/audit?actor=" + login).json();
    assertThat(rows.path("total").asLong()).isEqualTo(1);
    JsonNode row = rows.path("items").get(0);
    assertThat(row.path("outcome").asString()).isEqualTo("FAILURE");
    assertThat(row.path("reason").asString()).isEqualTo("BAD_CREDENTIALS");
    assertThat(row.path("action").asString()).isEqualTo("LOGIN_PASSWORD");
    long org = organization(pa, unique("审计机构"));
    JsonNode created = pa.get("/api/admin/audit?action=ORGANIZATION_CREATE&size=1").json();
    assertThat(created.path("items").get(0).path("target").asString())
        .isEqualTo("organization:" + org);
    pa.post("/api/auth/logout", "");
    JsonNode logout = admin().get("/api/admin/audit?action=LOGOUT&size=1").json();
    assertThat(logout.path("items").get(0).path("actor").asString()).isEqualTo(ADMIN);
    assertThat(admin().get("/admin/audit").body()).contains("哈希链校验通过");
  }

  @Test
  void findsAnEditedRow() {
    Browser pa = admin();
    assertThat(verify(pa).path("valid").asBoolean()).isTrue();
    long seq =
        jdbc.sql("SELECT MIN(seq) FROM audit_events WHERE outcome = 'SUCCESS'")
            .query(Long.class)
            .single();
    String actor =
        jdbc.sql("SELECT actor FROM audit_events WHERE seq = ?")
            .param(seq)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE audit_events SET actor = 'mallory' WHERE seq = ?").param(seq).update();
    try {
      JsonNode v = verify(pa);
      assertThat(v.path("valid").asBoolean()).isFalse();
      assertThat(v.path("firstBadSeq").asLong()).isEqualTo(seq);
    } finally {
      jdbc.sql("UPDATE audit_events SET actor = ? WHERE seq = ?").params(actor, seq).update();
    }
    assertThat(verify(pa).path("valid").asBoolean()).isTrue();
  }

  @Test
  void rowsAreKeyedAndARowRecomputedWithoutTheKeyIsNamed() {
    Browser pa = admin();
    organization(pa, unique("密钥测试"));
    JsonNode newest = pa.get("/api/admin/audit?size=1").json().path("items").get(0);
    assertThat(newest.path("keyId").asString()).matches("sm3-[0-9a-f]{16}");
    JsonNode recent = pa.get("/api/admin/audit/verify?scope=recent").json();
    assertThat(recent.path("valid").asBoolean()).as(recent.toString()).isTrue();
    assertThat(pa.get("/api/admin/audit/verify?scope=everything").status()).isEqualTo(400);

    long seq = newest.path("seq").asLong();
    Map<String, Object> row =
        jdbc.sql("SELECT * FROM audit_events WHERE seq = ?").param(seq).query().singleRow();
    // what an insider without the key can do: change the row and recompute an unkeyed hash
    String forged =
        sha256Hex(
            row.get("prev_hash")
                + "\n"
                + field(Long.toString(seq))
                + field(newest.path("at").asString())
                + field("mallory")
                + field((String) row.get("action"))
                + field((String) row.get("target"))
                + field((String) row.get("client_ip"))
                + field((String) row.get("outcome"))
                + field((String) row.get("reason")));
    jdbc.sql("UPDATE audit_events SET actor = 'mallory', hash = ?, key_id = NULL WHERE seq = ?")
        .params(forged, seq)
        .update();
    try {
      JsonNode v = verify(pa);
      assertThat(v.path("valid").asBoolean()).isFalse();
      assertThat(v.path("firstBadSeq").asLong()).isEqualTo(seq);
      assertThat(admin().get("/admin/audit").body()).contains("哈希链校验失败");
    } finally {
      jdbc.sql("UPDATE audit_events SET actor = ?, hash = ?, key_id = ? WHERE seq = ?")
          .params(row.get("actor"), row.get("hash"), row.get("key_id"), seq)
          .update();
    }
    assertThat(verify(pa).path("valid").asBoolean()).isTrue();
  }

  private static String field(String f) {
    return f.length() + ":" + f + ";";
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void findsADeletedRowInTheMiddleAndAtTheEnd() {
    Browser pa = admin();
    organization(pa, unique("删除测试"));
    long last = jdbc.sql("SELECT MAX(seq) FROM audit_events").query(Long.class).single();
    for (long seq : new long[] {last - 1, last}) {
      Map<String, Object> row =
          jdbc.sql("SELECT * FROM audit_events WHERE seq = ?").param(seq).query().singleRow();
      jdbc.sql("DELETE FROM audit_events WHERE seq = ?").param(seq).update();
      try {
        JsonNode v = verify(pa);
        assertThat(v.path("valid").asBoolean()).as("deleted row %d", seq).isFalse();
      } finally {
        jdbc.sql(
                "INSERT INTO audit_events (seq, at, actor, action, target, client_ip, outcome, reason,"
                    + " prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                row.get("seq"),
                row.get("at"),
                row.get("actor"),
                row.get("action"),
                row.get("target"),
                row.get("client_ip"),
                row.get("outcome"),
                row.get("reason"),
                row.get("prev_hash"),
                row.get("hash"),
                row.get("key_id"))
            .update();
      }
    }
    assertThat(verify(pa).path("valid").asBoolean()).isTrue();
  }

  @Test
  void concurrentAppendsKeepTheChainWhole() throws Exception {
    Browser pa = admin();
    String login = unique("burst");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 12; i++) {
        futures.add(
            pool.submit(
                () ->
                    browser()
                        .post(
                            "/api/auth/password",
                            "{\"username\":\"" + login + "\",\"password\":\"x\"}")
                        .status()));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(401);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(pa.get("/api/admin/audit?actor=" + login).json().path("total").asLong())
        .isEqualTo(12);
    assertThat(verify(pa).path("valid").asBoolean()).isTrue();
  }

  @Test
  void migrationsAppliedFromEmpty() {
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version = '1'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
