package io.certgate.server.audit;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the chain. Each row must follow the previous one without a gap ({@code seq} 1, 2, 3 …),
 * name the previous row's hash, and carry the MAC of its own content under the key it names (rows
 * of the unkeyed era: their SHA-256, and only before the first keyed row); each checkpoint and the
 * head must carry their MAC and agree with the rows. Without the key nobody can make a row, a
 * checkpoint or a head that passes, so an edited, inserted or deleted row is found.
 *
 * <p>{@link #verifyAll()} walks everything (operators: {@code GET /api/admin/audit/verify}) and
 * names the first broken row. {@link #verifyRecent()} (every audit page view) trusts the latest
 * sealed checkpoint, whose MAC it checks, and walks only the rows after it: fewer than {@code
 * certgate.audit.checkpoint-every} whatever the table's size. A missing checkpoint where one must
 * be is itself a finding, so deleting checkpoints cannot make page views walk the whole table.
 */
@Component
class AuditVerifier {
  private static final int BATCH = 1000;

  private final AuditLog log;
  private final AuditKeys keys;

  AuditVerifier(AuditLog log, AuditKeys keys) {
    this.log = log;
    this.keys = keys;
  }

  /**
   * The outcome of a verification.
   *
   * @param valid whether everything checked holds
   * @param checked how many rows were checked
   * @param firstBadSeq the first row found broken (or where a missing row should be)
   * @param problem what is wrong with it (Chinese, for the page)
   * @param from the first row checked: 1 for a full walk, the row after the checkpoint otherwise
   */
  record Verification(
      boolean valid, long checked, @Nullable Long firstBadSeq, String problem, long from) {}

  /** Walks the whole chain from its first row. */
  Verification verifyAll() {
    return walk(new Position(1, AuditChain.GENESIS, false), true);
  }

  /** Walks from the latest sealed checkpoint: the cost of a page view, at any table size. */
  Verification verifyRecent() {
    Optional<AuditLog.Checkpoint> latest = log.latestCheckpoint();
    if (latest.isEmpty()) {
      if (log.head().lastSeq() >= log.checkpointEvery() + AuditLog.MAX_BATCH) {
        return bad(0, 1, "检查点缺失(可能被删除)", 1);
      }
      return walk(new Position(1, AuditChain.GENESIS, false), false);
    }
    AuditLog.Checkpoint cp = latest.get();
    if (!sealed(cp)) {
      return bad(0, cp.seq(), "检查点签名无效", cp.seq());
    }
    List<AuditEntry> at = log.after(cp.seq() - 1, 1);
    if (at.isEmpty()
        || at.get(0).seq() != cp.seq()
        || !AuditKey.same(at.get(0).hash(), cp.hash())) {
      return bad(0, cp.seq(), "记录与检查点不一致", cp.seq());
    }
    if (log.head().lastSeq() - cp.seq() >= log.checkpointEvery() + AuditLog.MAX_BATCH) {
      return bad(0, cp.seq() + 1, "检查点缺失(可能被删除)", cp.seq() + 1);
    }
    return walk(new Position(cp.seq() + 1, cp.hash(), true), false);
  }

  /** Where a walk stands: the next seq expected, the hash it must name, whether keys began. */
  private record Position(long nextSeq, String prevHash, boolean keyed) {}

  private Verification walk(Position start, boolean checkCheckpoints) {
    long expectedSeq = start.nextSeq();
    String prevHash = start.prevHash();
    boolean keyed = start.keyed();
    long checked = 0;
    while (true) {
      List<AuditEntry> batch = log.after(expectedSeq - 1, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      List<AuditLog.Checkpoint> checkpoints =
          checkCheckpoints
              ? log.checkpoints(batch.get(0).seq(), batch.get(batch.size() - 1).seq())
              : List.of();
      int c = 0;
      for (AuditEntry e : batch) {
        if (e.seq() != expectedSeq) {
          return bad(checked, expectedSeq, "缺少记录(可能被删除)", start.nextSeq());
        }
        if (!e.prevHash().equals(prevHash)) {
          return bad(checked, e.seq(), "与上一条记录的哈希不一致", start.nextSeq());
        }
        String problem = rowProblem(e, keyed);
        if (problem != null) {
          return bad(checked, e.seq(), problem, start.nextSeq());
        }
        keyed |= e.keyId() != null;
        while (c < checkpoints.size() && checkpoints.get(c).seq() == e.seq()) {
          AuditLog.Checkpoint cp = checkpoints.get(c++);
          if (!sealed(cp) || !AuditKey.same(cp.hash(), e.hash())) {
            return bad(checked, e.seq(), "检查点签名无效或与记录不一致", start.nextSeq());
          }
        }
        prevHash = e.hash();
        expectedSeq++;
        checked++;
      }
    }
    String headProblem = headProblem(expectedSeq - 1, prevHash, keyed);
    if (headProblem != null) {
      return bad(checked, expectedSeq, headProblem, start.nextSeq());
    }
    return new Verification(true, checked, null, "", start.nextSeq());
  }

  private @Nullable String rowProblem(AuditEntry e, boolean keyedBefore) {
    if (e.keyId() == null) {
      if (keyedBefore) {
        return "未签名的记录出现在签名记录之后";
      }
      return AuditKey.same(AuditChain.hash(e, null), e.hash()) ? null : "记录内容被修改";
    }
    Optional<AuditKey> key = keys.find(e.keyId());
    if (key.isEmpty()) {
      return "记录的密钥未配置: " + e.keyId();
    }
    return AuditKey.same(AuditChain.hash(e, key.get()), e.hash()) ? null : "记录内容被修改";
  }

  private @Nullable String headProblem(long lastSeq, String lastHash, boolean keyed) {
    AuditLog.Head head = log.head();
    if (head.lastSeq() != lastSeq || !head.lastHash().equals(lastHash)) {
      return "末尾记录缺失或链头不一致";
    }
    if (head.keyId() == null || head.mac() == null) {
      return keyed ? "链头签名缺失" : null;
    }
    Optional<AuditKey> key = keys.find(head.keyId());
    if (key.isEmpty()
        || !AuditKey.same(AuditChain.seal(key.get(), "head", lastSeq, lastHash), head.mac())) {
      return "链头签名无效";
    }
    return null;
  }

  private boolean sealed(AuditLog.Checkpoint cp) {
    return keys.find(cp.keyId())
        .map(k -> AuditKey.same(AuditChain.seal(k, "checkpoint", cp.seq(), cp.hash()), cp.mac()))
        .orElse(false);
  }

  private static Verification bad(long checked, long seq, String problem, long from) {
    return new Verification(false, checked, seq, problem, from);
  }
}
