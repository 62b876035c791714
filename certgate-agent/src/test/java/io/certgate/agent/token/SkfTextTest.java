package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SkfTextTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void splitsNameListsEndingWithTwoNulsOneNulOrNone() {
    assertThat(SkfText.nameList(bytes("GM3000\0ePass\0\0")))
        .extracting(SkfText.Name::text)
        .containsExactly("GM3000", "ePass");
    assertThat(SkfText.nameList(bytes("GM3000\0ePass\0")))
        .extracting(SkfText.Name::text)
        .containsExactly("GM3000", "ePass");
    assertThat(SkfText.nameList(bytes("GM3000")))
        .extracting(SkfText.Name::text)
        .containsExactly("GM3000");
    assertThat(SkfText.nameList(bytes("\0\0"))).isEmpty();
    assertThat(SkfText.nameList(new byte[0])).isEmpty();
    // stops at the empty name: what follows the list's end is not a name
    assertThat(SkfText.nameList(bytes("a\0\0junk\0")))
        .extracting(SkfText.Name::text)
        .containsExactly("a");
  }

  @Test
  void keepsTheLibrarysBytesAndReadsChineseNamesInUtf8OrGb18030() {
    byte[] gbk = "国密钥匙".getBytes(Charset.forName("GB18030"));
    byte[] list = new byte[gbk.length + 2];
    System.arraycopy(gbk, 0, list, 0, gbk.length);
    SkfText.Name name = SkfText.nameList(list).get(0);
    assertThat(name.text()).isEqualTo("国密钥匙");
    assertThat(name.bytes()).isEqualTo(gbk);
    assertThat(name.terminated()).endsWith(0).hasSize(gbk.length + 1);
    assertThat(SkfText.decode("国密".getBytes(StandardCharsets.UTF_8))).isEqualTo("国密");
  }

  @Test
  void readsFixedFieldsUpToTheirNul() {
    byte[] field = new byte[32];
    System.arraycopy(bytes("SN0001  "), 0, field, 0, 8);
    assertThat(SkfText.field(field)).isEqualTo("SN0001");
    assertThat(SkfText.field(bytes("FULLFIELDWITHOUTNUL"))).isEqualTo("FULLFIELDWITHOUTNUL");
  }

  @Test
  void readsCertificatesAsDerPemOrBase64() {
    byte[] der = HexFormat.of().parseHex("3003020101");
    String b64 = Base64.getEncoder().encodeToString(der);
    assertThat(SkfText.certificate(der)).isEqualTo(der);
    assertThat(SkfText.certificate(HexFormat.of().parseHex("30030201010000"))).isEqualTo(der);
    assertThat(
            SkfText.certificate(
                bytes(
                    "-----BEGIN CERTIFICATE-----\r\n" + b64 + "\r\n-----END CERTIFICATE-----\n\0")))
        .isEqualTo(der);
    assertThat(SkfText.certificate(bytes(b64 + "\n"))).isEqualTo(der);
    assertThatThrownBy(() -> SkfText.certificate(bytes("not a certificate!")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesKnownAndUnknownSarCodes() {
    assertThat(SkfErrors.describe(0x0A000024)).isEqualTo("SAR_PIN_INCORRECT (0x0A000024)");
    assertThat(SkfErrors.describe(0x0B00F00D)).isEqualTo("unknown SAR code 0x0B00F00D");
  }

  @Test
  void packsTheStandardsStructuresWithoutPadding() {
    assertThat(new SkfStructures.DevInfo().size()).isEqualTo(294);
    assertThat(new SkfStructures.EccSignatureBlob().size()).isEqualTo(128);
  }
}
