package io.certgate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void hashDependsOnThePreviousHashAndEveryField() {
    String h = AuditChain.hash(AuditChain.GENESIS, 1, T, "a", "LOGIN", "t", "ip", "SUCCESS", "");
    assertThat(h).hasSize(64);
    assertThat(AuditChain.hash("1".repeat(64), 1, T, "a", "LOGIN", "t", "ip", "SUCCESS", ""))
        .isNotEqualTo(h);
    assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T, "b", "LOGIN", "t", "ip", "SUCCESS", ""))
        .isNotEqualTo(h);
  }

  @Test
  void lengthPrefixesKeepFieldBoundaries() {
    assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T, "ab", "c", "t", "ip", "S", ""))
        .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T, "a", "bc", "t", "ip", "S", ""));
  }
}
