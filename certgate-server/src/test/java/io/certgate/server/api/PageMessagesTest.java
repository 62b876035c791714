package io.certgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One message per error code: the server's ({@link ErrorCodes}). The pages keep texts only for the
 * local client's own codes (DESIGN §4) and for a client that does not answer.
 */
class PageMessagesTest {
  /** DESIGN §4 error codes of the local client, plus the page's own "no client answered". */
  private static final Set<String> CLIENT_CODES =
      Set.of(
          "ORIGIN_NOT_ALLOWED",
          "BAD_REQUEST",
          "TOKEN_NOT_PRESENT",
          "CERT_NOT_FOUND",
          "NOT_SIGNATURE_CERT",
          "PIN_INCORRECT",
          "PIN_LOCKED",
          "INTERNAL",
          "CLIENT_MISSING");

  @Test
  void agentScriptKeepsMessagesOnlyForTheLocalClientsOwnCodes() throws IOException {
    Set<String> keys = messageKeys(script("agent.js"));

    assertThat(keys).isNotEmpty().isSubsetOf(CLIENT_CODES);
  }

  @Test
  void noPageScriptWordsAServerOnlyCode() throws IOException {
    Set<String> serverOnly =
        Arrays.stream(ErrorCode.values())
            .map(Enum::name)
            .filter(code -> !CLIENT_CODES.contains(code))
            .collect(Collectors.toSet());

    for (String name : new String[] {"agent.js", "app.js", "ca-login.js", "ca-users.js"}) {
      String text = script(name);
      assertThat(serverOnly)
          .as(name)
          .noneMatch(code -> Pattern.compile("\\b" + code + "\\s*:").matcher(text).find());
    }
  }

  @Test
  void everyCodeHasAServerMessage() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCodes.message(code)).as(code.name()).isNotBlank();
    }
  }

  private static Set<String> messageKeys(String script) {
    int start = script.indexOf("const MESSAGES = {");
    assertThat(start).as("agent.js has a MESSAGES table").isNotNegative();
    String table = script.substring(start, script.indexOf("};", start));
    Matcher key = Pattern.compile("(?m)^\\s*([A-Z_]+):").matcher(table);
    Set<String> keys = new LinkedHashSet<>();
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }

  private static String script(String name) throws IOException {
    try (InputStream in = PageMessagesTest.class.getResourceAsStream("/static/js/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
