package io.certgate.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlatJsonObjectTest {

  private static FlatJsonObject parse(String json) throws Exception {
    return FlatJsonObject.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsStringMembersWithEscapes() throws Exception {
    try (FlatJsonObject o = parse(" {\"a\" : \"x\\u4e2d\\\"\\n\", \"pin\":\"12\\/34\"} ")) {
      assertThat(o.names()).containsExactly("a", "pin");
      assertThat(o.get("a")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("x中\"\n"));
      assertThat(o.get("pin"))
          .hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("12/34"));
    }
  }

  @Test
  void closeOverwritesEveryValue() throws Exception {
    FlatJsonObject o = parse("{\"pin\":\"123456\"}");
    char[] pin = o.get("pin").orElseThrow();
    o.close();
    assertThat(pin).containsOnly('\0');
  }

  @Test
  void theInputBytesAreOverwritten() throws Exception {
    byte[] body = "{\"pin\":\"123456\"}".getBytes(StandardCharsets.UTF_8);
    FlatJsonObject.parse(body).close();
    assertThat(body).containsOnly((byte) 0);
  }

  @Test
  void refusesEverythingThatIsNotAFlatObjectOfStrings() {
    for (String bad :
        new String[] {
          "",
          "{",
          "}",
          "[]",
          "\"s\"",
          "{\"a\":1}",
          "{\"a\":null}",
          "{\"a\":{}}",
          "{\"a\":\"x\",}",
          "{\"a\":\"x\"}{",
          "{\"a\":\"x\",\"a\":\"y\"}",
          "{\"a\":\"\u0001\"}",
          "{\"a\":\"\\x\"}",
          "{a:\"x\"}",
          "{\"a\":\"x\"",
          "{\"a\":\"\\u12\"}"
        }) {
      assertThatThrownBy(() -> parse(bad))
          .as(bad)
          .isInstanceOf(FlatJsonObject.MalformedJsonException.class);
    }
  }

  @Test
  void refusesInvalidUtf8() {
    assertThatThrownBy(() -> FlatJsonObject.parse(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}))
        .isInstanceOf(FlatJsonObject.MalformedJsonException.class);
  }

  @Test
  void errorMessagesNeverQuoteValues() {
    assertThatThrownBy(() -> parse("{\"pin\":\"secret-1234\" x}"))
        .isInstanceOf(FlatJsonObject.MalformedJsonException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-1234"));
  }
}
