package io.certgate.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthTokensTest {
  private static final String CERT = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});
  private static final String SIG = Base64.getEncoder().encodeToString(new byte[] {9, 8, 7});

  private static String token(String members) {
    return "{\"format\":\"certgate-auth/1\"," + members + "}";
  }

  private static String withAll(String replaceWhat, String replaceWith) {
    String full =
        token(
            "\"certificate\":\""
                + CERT
                + "\",\"chain\":[\""
                + CERT
                + "\"],\"algorithm\":\"ES256\",\"signature\":\""
                + SIG
                + "\",\"agentVersion\":\"1.0.0\"");
    return full.replace(replaceWhat, replaceWith);
  }

  @Test
  void parsesAWellFormedToken() throws Exception {
    AuthToken token = AuthTokens.parse(withAll("", ""));

    assertThat(token.format()).isEqualTo("certgate-auth/1");
    assertThat(token.certificate()).containsExactly(1, 2, 3, 4);
    assertThat(token.chain()).hasSize(1);
    assertThat(token.algorithm()).isEqualTo(TokenAlgorithm.ES256);
    assertThat(token.signature()).containsExactly(9, 8, 7);
    assertThat(token.agentVersion()).isEqualTo("1.0.0");
  }

  @Test
  void chainIsOptional() throws Exception {
    assertThat(AuthTokens.parse(withAll("\"chain\":[\"" + CERT + "\"],", "")).chain()).isEmpty();
  }

  @Test
  void writesWhatItReads() throws Exception {
    AuthToken token =
        AuthToken.of(
            new byte[] {1, 2},
            List.of(new byte[] {3}),
            TokenAlgorithm.SM2SM3,
            new byte[] {4, 5, 6},
            "0.1.0");

    assertThat(AuthTokens.parse(AuthTokens.toJson(token))).isEqualTo(token);
    assertThat(AuthTokens.toJson(token))
        .isEqualTo(
            "{\"format\":\"certgate-auth/1\",\"certificate\":\"AQI=\",\"chain\":[\"Aw==\"],"
                + "\"algorithm\":\"SM2SM3\",\"signature\":\"BAUG\",\"agentVersion\":\"0.1.0\"}");
  }

  @Test
  void tokenIsImmutable() throws Exception {
    AuthToken token = AuthTokens.parse(withAll("", ""));
    token.signature()[0] = 0;
    token.certificate()[0] = 0;

    assertThat(token.signature()[0]).isEqualTo((byte) 9);
    assertThat(token.certificate()[0]).isEqualTo((byte) 1);
  }

  static Stream<Arguments> malformed() {
    String big = "x".repeat(AuthTokens.MAX_TOKEN_BYTES);
    return Stream.of(
        Arguments.of("empty text", ""),
        Arguments.of("not JSON", "certgate"),
        Arguments.of("a JSON array", "[]"),
        Arguments.of("truncated", withAll("", "").substring(0, 40)),
        Arguments.of("trailing garbage", withAll("", "") + "x"),
        Arguments.of("over 64 KiB", withAll("1.0.0", big)),
        Arguments.of("over 64 KiB in UTF-8 only", withAll("1.0.0", "中".repeat(22_000))),
        Arguments.of("format missing", withAll("\"format\":\"certgate-auth/1\",", "")),
        Arguments.of("format not a string", withAll("\"certgate-auth/1\"", "1")),
        Arguments.of(
            "duplicate member",
            withAll("\"agentVersion\"", "\"signature\":\"AA==\",\"agentVersion\"")),
        Arguments.of("unknown member", withAll("\"agentVersion\"", "\"extra\":1,\"agentVersion\"")),
        Arguments.of("certificate missing", withAll("\"certificate\":\"" + CERT + "\",", "")),
        Arguments.of(
            "certificate not base64",
            withAll("\"certificate\":\"" + CERT, "\"certificate\":\"@@@@")),
        Arguments.of(
            "certificate with line break",
            withAll("\"certificate\":\"" + CERT, "\"certificate\":\"AQID\\nBA==")),
        Arguments.of(
            "certificate unpadded",
            withAll("\"certificate\":\"" + CERT, "\"certificate\":\"AQIDBA")),
        Arguments.of(
            "certificate non-canonical pad bits",
            withAll("\"certificate\":\"" + CERT, "\"certificate\":\"AQIDBB==")),
        Arguments.of(
            "certificate url-safe alphabet",
            withAll("\"certificate\":\"" + CERT, "\"certificate\":\"-_-_")),
        Arguments.of(
            "certificate empty", withAll("\"certificate\":\"" + CERT, "\"certificate\":\"")),
        Arguments.of(
            "certificate a number",
            withAll("\"certificate\":\"" + CERT + "\"", "\"certificate\":5")),
        Arguments.of("chain null", withAll("[\"" + CERT + "\"]", "null")),
        Arguments.of("chain not an array", withAll("[\"" + CERT + "\"]", "\"" + CERT + "\"")),
        Arguments.of("chain element not a string", withAll("[\"" + CERT + "\"]", "[1]")),
        Arguments.of(
            "chain element nested array", withAll("[\"" + CERT + "\"]", "[[\"" + CERT + "\"]]")),
        Arguments.of(
            "chain too long",
            withAll(
                "[\"" + CERT + "\"]",
                "["
                    + String.join(",", java.util.Collections.nCopies(9, "\"" + CERT + "\""))
                    + "]")),
        Arguments.of("algorithm missing", withAll("\"algorithm\":\"ES256\",", "")),
        Arguments.of("algorithm unknown", withAll("ES256", "ES512")),
        Arguments.of("algorithm wrong case", withAll("ES256", "es256")),
        Arguments.of("algorithm not a string", withAll("\"ES256\"", "256")),
        Arguments.of("signature missing", withAll("\"signature\":\"" + SIG + "\",", "")),
        Arguments.of("signature not base64", withAll(SIG, "BAU*")),
        Arguments.of(
            "signature too long", withAll(SIG, Base64.getEncoder().encodeToString(new byte[1025]))),
        Arguments.of("agentVersion missing", withAll(",\"agentVersion\":\"1.0.0\"", "")),
        Arguments.of("agentVersion empty", withAll("1.0.0", "")),
        Arguments.of("agentVersion control char", withAll("1.0.0", "1.0\\u0000")),
        Arguments.of("agentVersion too long", withAll("1.0.0", "1".repeat(65))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesMalformedTokenAsTokenMalformed(String what, String json) {
    assertThatThrownBy(() -> AuthTokens.parse(json))
        .isInstanceOf(CertGateException.class)
        .extracting(e -> ((CertGateException) e).code())
        .isEqualTo(ErrorCode.TOKEN_MALFORMED);
  }

  @Test
  void refusesOtherFormatAsUnsupportedEvenWithOtherMembers() {
    String v2 = "{\"format\":\"certgate-auth/2\",\"payload\":{\"x\":1}}";

    assertThatThrownBy(() -> AuthTokens.parse(v2))
        .isInstanceOf(CertGateException.class)
        .extracting(e -> ((CertGateException) e).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void refusesFormatWithDifferentSpellingAsUnsupported() {
    assertThatThrownBy(() -> AuthTokens.parse(withAll("certgate-auth/1", "CERTGATE-AUTH/1")))
        .extracting(e -> ((CertGateException) e).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void errorMessagesNeverEchoTokenContent() {
    assertThatThrownBy(() -> AuthTokens.parse(withAll("ES256", "SECRET-ALG")))
        .hasMessageNotContaining("SECRET-ALG");
  }
}
