package io.certgate.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain rule: {@code hash = SHA-256(prevHash ‖ canonical(row))}, where the canonical text
 * length-prefixes every field so that no two different rows share one text.
 */
final class AuditChain {
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  static String hash(
      String prevHash,
      long seq,
      Instant at,
      String actor,
      String action,
      String target,
      String clientIp,
      String outcome,
      String reason) {
    StringBuilder canonical = new StringBuilder(prevHash).append('\n');
    for (String field :
        new String[] {
          Long.toString(seq), at.toString(), actor, action, target, clientIp, outcome, reason
        }) {
      canonical.append(field.length()).append(':').append(field).append(';');
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String hash(AuditEntry e) {
    return hash(
        e.prevHash(),
        e.seq(),
        e.at(),
        e.actor(),
        e.action(),
        e.target(),
        e.clientIp(),
        e.outcome(),
        e.reason());
  }
}
