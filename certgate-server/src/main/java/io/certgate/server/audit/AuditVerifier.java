package io.certgate.server.audit;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain: seq must run 1, 2, 3 … without gaps, each row must name the previous row's
 * hash and hash to its own stored value, and the last row must match {@code audit_head}. An edited
 * row breaks its own hash; a deleted row leaves a gap (or, at the end, a head mismatch).
 */
@Component
class AuditVerifier {
  private static final int BATCH = 1000;

  private final AuditLog log;

  AuditVerifier(AuditLog log) {
    this.log = log;
  }

  /** The outcome of a verification. */
  record Verification(boolean valid, long checked, @Nullable Long firstBadSeq, String problem) {}

  Verification verify() {
    long expectedSeq = 1;
    String prevHash = AuditChain.GENESIS;
    long checked = 0;
    while (true) {
      List<AuditEntry> batch = log.after(expectedSeq - 1, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (AuditEntry e : batch) {
        if (e.seq() != expectedSeq) {
          return bad(checked, expectedSeq, "缺少记录(可能被删除)");
        }
        if (!e.prevHash().equals(prevHash)) {
          return bad(checked, e.seq(), "与上一条记录的哈希不一致");
        }
        if (!AuditChain.hash(e).equals(e.hash())) {
          return bad(checked, e.seq(), "记录内容被修改");
        }
        prevHash = e.hash();
        expectedSeq++;
        checked++;
      }
    }
    Map<String, Object> head = log.head();
    long lastSeq = ((Number) head.get("last_seq")).longValue();
    if (lastSeq != expectedSeq - 1 || !prevHash.equals(head.get("last_hash"))) {
      return bad(checked, expectedSeq, "末尾记录缺失或链头不一致");
    }
    return new Verification(true, checked, null, "");
  }

  private static Verification bad(long checked, long seq, String problem) {
    return new Verification(false, checked, seq, problem);
  }
}
