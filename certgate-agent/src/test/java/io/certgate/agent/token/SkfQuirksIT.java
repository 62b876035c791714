package io.certgate.agent.token;

import static io.certgate.agent.token.SkfTokensIT.refusal;
import static io.certgate.agent.token.SkfTokensIT.sign;
import static io.certgate.agent.token.SkfTokensIT.signingId;
import static io.certgate.agent.token.SkfTokensIT.token;
import static io.certgate.agent.token.SkfTokensIT.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.SoftSkf;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vendor SKF libraries that are not exact, imitated by the software SKF library's switches: the
 * agent lists and signs as with an exact one, or fails the request with a clear error.
 */
class SkfQuirksIT {
  private static final String PIN = SkfTokensIT.PIN;
  private static final WebOrigin ORIGIN = WebOrigin.of("https://zcy.example.cn");
  private static final String NONCE = "s".repeat(44);

  private static Path library;
  private static UserCredentials user;

  private Path devices;

  @BeforeAll
  static void prepare() {
    library = SoftSkf.library(SoftSkf.Variant.FULL);
    user = TestProvider.create("skf-quirk", KeyKind.SM2, Instant.now()).issueUser("怪癖");
  }

  @BeforeEach
  void plugIn() {
    devices = SoftSkf.reset();
    SoftSkf.device(devices, "Quirky-1", "SN-Q1", PIN, 5, user);
    SoftSkf.device(devices, "Quirky-2", "SN-Q2", PIN, 5, user);
  }

  @AfterEach
  void noQuirks() {
    SoftSkf.quirks();
  }

  @Test
  void readsNameListsThatEndWithASingleNul() throws Exception {
    SoftSkf.quirks("single-nul");
    Tokens tokens = tokens(library);

    assertThat(tokens.scan())
        .extracting(t -> t.info().label())
        .containsExactly("Quirky-1", "Quirky-2");
    assertThat(tokens.problems()).isEmpty();
    verify(sign(tokens, signingId(tokens, "Quirky-2", user)));
  }

  @Test
  void readsCertificatesExportedAsPemOrBase64Text() throws Exception {
    for (String quirk : List.of("pem-cert", "base64-cert")) {
      SoftSkf.quirks(quirk);
      Tokens tokens = tokens(library);

      assertThat(token(tokens, "Quirky-1").certificates())
          .extracting(TokenCertificate::certificate)
          .as(quirk)
          .containsExactly(user.signature().certificate(), user.encryption().certificate());
      verify(sign(tokens, signingId(tokens, "Quirky-1", user)));
    }
  }

  @Test
  void worksWithoutSkfGetPinInfoAndStillReportsTheTriesAWrongPinLeaves() throws Exception {
    Tokens tokens = tokens(SoftSkf.library(SoftSkf.Variant.NO_PIN_INFO));
    assertThat(token(tokens, "Quirky-1").info().pinRetriesLeft()).isEmpty();
    assertThat(tokens.problems()).isEmpty();
    String id = signingId(tokens, "Quirky-1", user);

    AgentException wrong = refusal(tokens, id, "999999");
    assertThat(wrong.code()).isEqualTo(AgentError.PIN_INCORRECT);
    assertThat(wrong.retriesLeft()).contains(4);
    // the count SKF_VerifyPIN gave is what the status shows, until the right PIN resets it
    assertThat(token(tokens, "Quirky-1").info().pinRetriesLeft()).contains(4);
    verify(sign(tokens, id));
    assertThat(token(tokens, "Quirky-1").info().pinRetriesLeft()).isEmpty();
  }

  @Test
  void aGetPinInfoThatFailsLeavesTheCountUnknownAndTheKeyUsable() throws Exception {
    SoftSkf.quirks("sar:SKF_GetPINInfo:0A000001");
    Tokens tokens = tokens(library);

    assertThat(token(tokens, "Quirky-1").info().pinRetriesLeft()).isEmpty();
    assertThat(tokens.problems()).isEmpty();
    verify(sign(tokens, signingId(tokens, "Quirky-1", user)));
  }

  @Test
  void anUnknownSarCodeIsAnInternalErrorNamingTheCode() throws Exception {
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "Quirky-1", user);
    SoftSkf.quirks("sar:SKF_VerifyPIN:0B00F00D");

    AgentException e = refusal(tokens, id, PIN);

    assertThat(e.code()).isEqualTo(AgentError.INTERNAL);
    assertThat(e.getMessage()).contains("unknown SAR code 0x0B00F00D").contains("SKF_VerifyPIN");
    SoftSkf.quirks("sar:SKF_EnumDev:0B00F00E");
    assertThat(tokens.scan()).isEmpty();
    assertThat(tokens.problems()).anySatisfy(p -> assertThat(p).contains("0x0B00F00E"));
  }

  @Test
  void aCallThatDoesNotReturnFailsTheRequestInTimeAndTheNextRequestWorks() throws Exception {
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "Quirky-1", user);
    SoftSkf.quirks("hang:SKF_ECCSignData");

    long start = System.nanoTime();
    AgentException hung = refusal(tokens, id, PIN);
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(hung.code()).isEqualTo(AgentError.INTERNAL);
    assertThat(hung.getMessage()).contains("did not answer within 2 s", "signing");
    assertThat(waited).isLessThan(Duration.ofSeconds(10));
    // the hung library's process was ended; the next request runs in a new one
    SoftSkf.quirks();
    verify(sign(tokens, id));
    assertThat(token(tokens, "Quirky-1").info().pinRetriesLeft()).contains(5);
  }

  @Test
  void aLibraryThatCrashesFailsTheRequestWithoutTakingTheAgentDown() throws Exception {
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "Quirky-1", user);
    SoftSkf.quirks("crash:SKF_ECCSignData");

    AgentException crashed = refusal(tokens, id, PIN);
    assertThat(crashed.code()).isEqualTo(AgentError.INTERNAL);
    assertThat(crashed.getMessage()).contains("crashed", "signing");

    SoftSkf.quirks("crash:SKF_EnumDev");
    assertThat(tokens.scan()).isEmpty();
    assertThat(tokens.problems()).anySatisfy(p -> assertThat(p).contains("crashed"));

    SoftSkf.quirks();
    verify(sign(tokens, id));
  }

  private static void verify(io.certgate.core.token.AuthToken token) throws Exception {
    TokenSignatureVerifier.verify(token, user.signature().certificate(), ORIGIN, NONCE);
  }
}
