package io.certgate.agent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.token.Tokens;
import io.certgate.core.token.WebOrigin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
  @TempDir Path empty;

  @Test
  void noncesOf44To128PrintableCharactersPass() {
    assertThatCode(() -> Authenticator.checkNonce("a".repeat(44))).doesNotThrowAnyException();
    assertThatCode(() -> Authenticator.checkNonce("+/=".repeat(42) + "ab"))
        .doesNotThrowAnyException();
  }

  @Test
  void otherNoncesAreBadRequests() {
    for (String nonce :
        new String[] {
          "a".repeat(43), "a".repeat(129), "a".repeat(43) + "\n", "a".repeat(43) + "中"
        }) {
      assertThatThrownBy(() -> Authenticator.checkNonce(nonce))
          .isInstanceOfSatisfying(
              AgentException.class, e -> assertThat(e.code()).isEqualTo(AgentError.BAD_REQUEST));
    }
  }

  @Test
  void thePinIsClearedWhateverTheOutcome() {
    Authenticator authenticator =
        new Authenticator(Tokens.builder().softKeyFolder(empty).build(), "test");
    char[] pin = "123456".toCharArray();

    assertThatThrownBy(
            () ->
                authenticator.authenticate(
                    "p12-0000.abcd",
                    WebOrigin.parse("https://a.example").orElseThrow(),
                    "n".repeat(44),
                    pin))
        .isInstanceOf(AgentException.class);

    assertThat(pin).containsOnly('\0');
  }
}
