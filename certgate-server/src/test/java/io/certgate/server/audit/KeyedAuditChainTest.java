package io.certgate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyed chain against an insider who can write to the database but has no key: rewritten rows,
 * recomputed chains, forged checkpoints, a cut tail; key rotation; and the bound on what a page
 * view verifies. A migrated H2 database per test.
 */
class KeyedAuditChainTest {
  private static final AuditKey A = AuditChains.newKey(AuditKey.Algorithm.HMAC_SM3);
  private static final AuditKey B = AuditChains.newKey(AuditKey.Algorithm.HMAC_SHA256);
  private static final AuditKeys ONLY_A = new AuditKeys(A, List.of());

  private final AuditChains db = database();

  /** A new, migrated database for one test. */
  AuditChains database() {
    return AuditChains.h2("keyed-" + System.nanoTime());
  }

  @Test
  void aFreshChainVerifiesAndEveryRowNamesItsKey() {
    AuditLog log = db.log(ONLY_A, 100);
    db.fill(log, 250);
    AuditVerifier.Verification all = db.verifier(log, ONLY_A).verifyAll();
    assertThat(all.valid()).as(all.problem()).isTrue();
    assertThat(all.checked()).isEqualTo(250);
    assertThat(db.jdbc.sql("SELECT DISTINCT key_id FROM audit_events").query(String.class).list())
        .containsExactly(A.id());
    assertThat(
            db.jdbc.sql("SELECT seq FROM audit_checkpoints ORDER BY seq").query(Long.class).list())
        .containsExactly(100L, 200L);
  }

  @Test
  void aRowRewrittenWithoutTheKeyIsNamedWhateverHashTheInsiderComputes() {
    AuditLog log = db.log(ONLY_A, 100);
    db.fill(log, 150);
    AuditEntry row = log.after(41, 1).get(0);
    // the insider edits row 42 and recomputes its hash: unkeyed, and with a key of their own
    AuditKey mallory = AuditChains.newKey(AuditKey.Algorithm.HMAC_SM3);
    String forged =
        AuditChain.hash(
            mallory,
            row.prevHash(),
            42,
            new AuditLog.Row(
                row.at(),
                "mallory",
                row.action(),
                row.target(),
                row.clientIp(),
                row.outcome(),
                row.reason()));
    db.jdbc
        .sql("UPDATE audit_events SET actor = 'mallory', hash = ? WHERE seq = 42")
        .param(forged)
        .update();
    AuditVerifier.Verification v = db.verifier(log, ONLY_A).verifyAll();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(42);
    assertThat(v.problem()).isEqualTo("记录内容被修改");

    String legacy =
        AuditChain.legacyHash(
            row.prevHash(),
            42,
            new AuditLog.Row(
                row.at(),
                "mallory",
                row.action(),
                row.target(),
                row.clientIp(),
                row.outcome(),
                row.reason()));
    db.jdbc
        .sql("UPDATE audit_events SET hash = ?, key_id = NULL WHERE seq = 42")
        .param(legacy)
        .update();
    v = db.verifier(log, ONLY_A).verifyAll();
    assertThat(v.firstBadSeq()).isEqualTo(42);
    assertThat(v.problem()).isEqualTo("未签名的记录出现在签名记录之后");
  }

  @Test
  void aCutTailWithTheHeadMovedBackIsFound() {
    AuditLog log = db.log(ONLY_A, 100);
    db.fill(log, 60);
    AuditEntry last = log.after(54, 1).get(0);
    db.jdbc.sql("DELETE FROM audit_events WHERE seq > 55").update();
    db.jdbc
        .sql("UPDATE audit_head SET last_seq = 55, last_hash = ? WHERE id = 1")
        .param(last.hash())
        .update();
    AuditVerifier.Verification v = db.verifier(log, ONLY_A).verifyAll();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).isEqualTo("链头签名无效");
  }

  @Test
  void aForgedOrDeletedCheckpointIsFoundByThePageView() {
    AuditLog log = db.log(ONLY_A, 100);
    db.fill(log, 450);
    AuditVerifier verifier = db.verifier(log, ONLY_A);
    assertThat(verifier.verifyRecent().valid()).isTrue();
    db.jdbc
        .sql("UPDATE audit_checkpoints SET mac = ? WHERE seq = 400")
        .param("0".repeat(64))
        .update();
    AuditVerifier.Verification forged = verifier.verifyRecent();
    assertThat(forged.valid()).isFalse();
    assertThat(forged.firstBadSeq()).isEqualTo(400);
    assertThat(verifier.verifyAll().firstBadSeq()).isEqualTo(400);
    db.jdbc.sql("DELETE FROM audit_checkpoints WHERE seq >= 300").update();
    AuditVerifier.Verification deleted = verifier.verifyRecent();
    assertThat(deleted.valid()).isFalse();
    assertThat(deleted.problem()).contains("检查点缺失");
  }

  @Test
  void rotationKeepsOldRowsCheckableWithTheRetiredKey() {
    db.fill(db.log(ONLY_A, 100), 130);
    AuditKeys rotated = new AuditKeys(B, List.of(A));
    AuditLog afterRotation = db.log(rotated, 100);
    db.fill(afterRotation, 130);
    assertThat(
            db.jdbc
                .sql("SELECT key_id FROM audit_events WHERE seq IN (1, 260) ORDER BY seq")
                .query(String.class)
                .list())
        .containsExactly(A.id(), B.id());
    AuditVerifier.Verification v = db.verifier(afterRotation, rotated).verifyAll();
    assertThat(v.valid()).as(v.problem()).isTrue();
    assertThat(v.checked()).isEqualTo(260);
    AuditVerifier.Verification withoutRetired =
        db.verifier(afterRotation, new AuditKeys(B, List.of())).verifyAll();
    assertThat(withoutRetired.valid()).isFalse();
    assertThat(withoutRetired.firstBadSeq()).isEqualTo(1);
    assertThat(withoutRetired.problem()).startsWith("记录的密钥未配置");
  }

  @Test
  void rowsOfTheUnkeyedEraAreSealedByTheFirstKeyedWrite() {
    // three rows as the unkeyed chain wrote them
    String prev = AuditChain.GENESIS;
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    for (long seq = 1; seq <= 3; seq++) {
      String hash =
          AuditChain.legacyHash(
              prev, seq, new AuditLog.Row(at, "old", "LOGIN", "t", "ip", "SUCCESS", ""));
      db.jdbc
          .sql(
              "INSERT INTO audit_events (seq, at, actor, action, target, client_ip, outcome,"
                  + " reason, prev_hash, hash) VALUES (?, ?, 'old', 'LOGIN', 't', 'ip', 'SUCCESS',"
                  + " '', ?, ?)")
          .params(seq, at.atOffset(java.time.ZoneOffset.UTC), prev, hash)
          .update();
      prev = hash;
    }
    db.jdbc
        .sql("UPDATE audit_head SET last_seq = 3, last_hash = ? WHERE id = 1")
        .param(prev)
        .update();
    AuditLog log = db.log(ONLY_A, 100);
    db.fill(log, 5);
    AuditVerifier verifier = db.verifier(log, ONLY_A);
    assertThat(verifier.verifyAll().valid()).isTrue();
    assertThat(db.jdbc.sql("SELECT seq FROM audit_checkpoints").query(Long.class).list())
        .containsExactly(3L);
    AuditVerifier.Verification recent = verifier.verifyRecent();
    assertThat(recent.valid()).isTrue();
    assertThat(recent.from()).isEqualTo(4);
    // an insider recomputes the whole unkeyed part after an edit: the first keyed row still names
    // the old last hash, and its MAC covers it
    db.jdbc.sql("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2").update();
    assertThat(verifier.verifyAll().firstBadSeq()).isEqualTo(2);
  }

  @Test
  void aPageViewChecksFewerRowsThanTheCheckpointIntervalAtAnySize() {
    AuditLog log = db.log(ONLY_A, 100);
    AuditVerifier verifier = db.verifier(log, ONLY_A);
    long[] checkedAt = new long[2];
    long[] sizes = {1_050, 20_050};
    long written = 0;
    for (int i = 0; i < sizes.length; i++) {
      db.fill(log, sizes[i] - written);
      written = sizes[i];
      AuditVerifier.Verification v = verifier.verifyRecent();
      assertThat(v.valid()).as(v.problem()).isTrue();
      checkedAt[i] = v.checked();
    }
    assertThat(checkedAt[0]).isEqualTo(50).isEqualTo(checkedAt[1]);
    assertThat(verifier.verifyAll().checked()).isEqualTo(20_050);
  }
}
