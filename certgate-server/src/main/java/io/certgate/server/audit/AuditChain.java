package io.certgate.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The chain rules. A row's hash is {@code HMAC(key, prevHash ‖ canonical(row) ‖ keyId)} with the
 * key its {@code key_id} names; the canonical text length-prefixes every field so that no two
 * different rows share one text. Rows written before the chain was keyed ({@code key_id} NULL) keep
 * {@code SHA-256(prevHash ‖ canonical(row))}: they may only come first, and the first keyed row's
 * MAC covers the last of them, so they cannot be rewritten unnoticed either. Checkpoints and the
 * head carry a MAC of their own (a different text, so a row's MAC is never a checkpoint's).
 */
final class AuditChain {
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** A keyed row hash (a MAC). */
  static String hash(AuditKey key, String prevHash, long seq, AuditLog.Row row) {
    return key.mac(canonical(prevHash, seq, row) + field(key.id()));
  }

  /** A row hash of the unkeyed era (before the keyed chain). */
  static String legacyHash(String prevHash, long seq, AuditLog.Row row) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical(prevHash, seq, row).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The row's hash as its rule says: keyed with {@code key}, or unkeyed when {@code key} is null.
   */
  static String hash(AuditEntry e, @Nullable AuditKey key) {
    AuditLog.Row row =
        new AuditLog.Row(
            e.at(), e.actor(), e.action(), e.target(), e.clientIp(), e.outcome(), e.reason());
    return key == null
        ? legacyHash(e.prevHash(), e.seq(), row)
        : hash(key, e.prevHash(), e.seq(), row);
  }

  /** The MAC of a checkpoint or of the head: "the chain up to {@code seq} ends in {@code hash}". */
  static String seal(AuditKey key, String kind, long seq, String hash) {
    return key.mac(kind + '\n' + field(key.id()) + field(Long.toString(seq)) + field(hash));
  }

  private static String canonical(String prevHash, long seq, AuditLog.Row row) {
    StringBuilder canonical = new StringBuilder(prevHash).append('\n');
    for (String f :
        new String[] {
          Long.toString(seq),
          row.at().toString(),
          row.actor(),
          row.action(),
          row.target(),
          row.clientIp(),
          row.outcome(),
          row.reason()
        }) {
      canonical.append(field(f));
    }
    return canonical.toString();
  }

  private static String field(String f) {
    return f.length() + ":" + f + ";";
  }
}
