package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Pkcs11TextTest {

  /** The JDK wrapper gives one char per byte, blank padded to the field's width. */
  private static char[] field(byte[] bytes, int width) {
    char[] out = new char[width];
    Arrays.fill(out, ' ');
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (char) (bytes[i] & 0xff);
    }
    return out;
  }

  @Test
  void decodesUtf8LabelsAndStripsPadding() {
    assertThat(Pkcs11Text.decode(field("浙江汇信CA".getBytes(StandardCharsets.UTF_8), 32)))
        .isEqualTo("浙江汇信CA");
  }

  @Test
  void decodesGbkLabelsOfChineseVendors() {
    assertThat(Pkcs11Text.decode(field("天谷CA锁".getBytes(Charset.forName("GBK")), 32)))
        .isEqualTo("天谷CA锁");
  }

  @Test
  void keepsAsciiAsIs() {
    assertThat(Pkcs11Text.decode(field("SoftHSM project".getBytes(StandardCharsets.US_ASCII), 32)))
        .isEqualTo("SoftHSM project");
  }
}
