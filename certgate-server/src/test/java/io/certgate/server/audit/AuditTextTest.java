package io.certgate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextTest {
  @Test
  void keepsOrdinaryTextAndCutsToTheColumn() {
    assertThat(AuditLog.text("张三 user-1", 64)).isEqualTo("张三 user-1");
    assertThat(AuditLog.text("abcdef", 4)).isEqualTo("abcd");
  }

  @Test
  void replacesControlCharactersThatADatabaseWouldRefuse() {
    assertThat(AuditLog.text("a\u0000b\nc\u007f", 64)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
  }

  @Test
  void replacesUnpairedSurrogatesAndNeverSplitsAPair() {
    String pair = "\uD83D\uDE00"; // one code point, two chars
    assertThat(AuditLog.text("x\uD83Dy", 64)).isEqualTo("x\uFFFDy");
    assertThat(AuditLog.text("\uDE00", 64)).isEqualTo("\uFFFD");
    assertThat(AuditLog.text("ab" + pair, 3)).isEqualTo("ab");
    assertThat(AuditLog.text("ab" + pair, 4)).isEqualTo("ab" + pair);
  }
}
