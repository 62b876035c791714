package io.certgate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void readsEveryKindOfValue() throws Exception {
    JsonObject o =
        Json.parseObject(
            " {\"s\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\",\"n\":-12.5e2,\"t\":true,"
                + "\"f\":false,\"z\":null,\"a\":[1,[],{}],\"o\":{\"k\":0}} \r\n\t",
            JsonLimits.DEFAULT);

    assertThat(o.requireString("s")).isEqualTo("a\"b\\c/d\né😀");
    assertThat(o.get("n")).contains(new JsonNumber(new BigDecimal("-12.5e2")));
    assertThat(o.requireBoolean("t")).isTrue();
    assertThat(o.requireBoolean("f")).isFalse();
    assertThat(o.get("z")).contains(JsonNull.INSTANCE);
    assertThat(o.requireArray("a").size()).isEqualTo(3);
    assertThat(o.requireObject("o").requireLong("k")).isZero();
    assertThat(o.names()).containsExactly("s", "n", "t", "f", "z", "a", "o");
  }

  @Test
  void readsTopLevelScalars() throws Exception {
    assertThat(Json.parse("\"x\"")).isEqualTo(new JsonString("x"));
    assertThat(Json.parse("0")).isEqualTo(new JsonNumber(BigDecimal.ZERO));
    assertThat(Json.parse("null")).isEqualTo(JsonNull.INSTANCE);
  }

  @Test
  void writesCompactTextThatReadsBackEqual() throws Exception {
    JsonObject o =
        JsonObject.builder()
            .put("name", "证书 \"CA\"\n\u0001\u2028")
            .put("count", 3)
            .put("ok", true)
            .putNull("none")
            .put("list", JsonArray.ofStrings(List.of("a", "b")))
            .build();

    String text = Json.write(o);

    assertThat(text)
        .isEqualTo(
            "{\"name\":\"证书 \\\"CA\\\"\\n\\u0001\\u2028\",\"count\":3,\"ok\":true,"
                + "\"none\":null,\"list\":[\"a\",\"b\"]}");
    assertThat(Json.parse(text)).isEqualTo(o);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "[01]",
        "[1.]",
        "[.5]",
        "[1e]",
        "[+1]",
        "[-]",
        "[NaN]",
        "[Infinity]",
        "[tru]",
        "[True]",
        "[nul]",
        "[\"a]",
        "[\"\\x\"]",
        "[\"\\u12G4\"]",
        "[\"\\u12\"]",
        "[\"\\ud800\"]",
        "[\"\\udc00\\ud800\"]",
        "[\"tab\there\"]",
        "[1] [2]",
        "{\"a\":1}x",
        "\ufeff{}",
        "/* c */ {}",
        "[1e99999999999]",
        "{\"a\":1,\"a\":2}",
        "[\"\\u0660\\u0661\"]x",
        "[\"\\u٠١٢٣\"]"
      })
  void refusesMalformedText(String text) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "7", "-12", "0.5", "10.25", "1e5", "1E+2", "-2.5e-3", "0e0"})
  void readsEveryNumberForm(String literal) throws Exception {
    assertThat(Json.parse("[" + literal + "]"))
        .isEqualTo(new JsonArray(List.of(new JsonNumber(new BigDecimal(literal)))));
  }

  @Test
  void refusesDuplicateNamesNestedToo() {
    assertThatThrownBy(() -> Json.parse("{\"o\":{\"k\":1,\"k\":1}}"))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("duplicate");
  }

  @Test
  void refusesNestingBeyondTheLimit() throws Exception {
    JsonLimits limits = new JsonLimits(1000, 3, 100);
    assertThat(Json.parse("[[[1]]]", limits)).isInstanceOf(JsonArray.class);

    assertThatThrownBy(() -> Json.parse("[[[[1]]]]", limits)).hasMessageContaining("nesting");
    assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).isInstanceOf(JsonException.class);
  }

  @Test
  void refusesInputAndStringsBeyondTheLimits() {
    JsonLimits limits = new JsonLimits(20, 4, 5);

    assertThatThrownBy(() -> Json.parse("[" + "1,".repeat(20) + "1]", limits))
        .hasMessageContaining("longer than 20");
    assertThatThrownBy(() -> Json.parse("[\"abcdef\"]", limits))
        .hasMessageContaining("string longer");
    assertThatThrownBy(() -> Json.parse("{\"abcdef\":1}", limits))
        .hasMessageContaining("string longer");
  }

  @Test
  void refusesOverlongNumberLiterals() {
    assertThatThrownBy(() -> Json.parse("1" + "0".repeat(100))).hasMessageContaining("number");
  }

  @Test
  void typedAccessorsNameTheMember() throws Exception {
    JsonObject o = Json.parseObject("{\"n\":1.5,\"s\":\"x\",\"z\":null}", JsonLimits.DEFAULT);

    assertThatThrownBy(() -> o.requireString("missing")).hasMessageContaining("'missing'");
    assertThatThrownBy(() -> o.requireString("n")).hasMessageContaining("'n' must be a string");
    assertThatThrownBy(() -> o.requireLong("n")).hasMessageContaining("integer");
    assertThatThrownBy(() -> o.requireArray("s")).hasMessageContaining("array");
    assertThat(o.optionalString("z")).isEmpty();
    assertThat(o.optionalString("missing")).isEmpty();
    assertThat(o.optionalString("s")).contains("x");
    assertThatThrownBy(() -> Json.parseObject("[]", JsonLimits.DEFAULT))
        .hasMessageContaining("object");
  }

  @Test
  void builderRefusesDuplicateNames() {
    assertThatThrownBy(() -> JsonObject.builder().put("a", 1).put("a", 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
