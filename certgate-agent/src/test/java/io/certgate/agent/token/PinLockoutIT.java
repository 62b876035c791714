package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.PinLockoutModule;
import io.certgate.agent.SoftHsm;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wrong PINs against a token that counts and locks like a real USB key: SoftHSM2 behind the
 * test-only lockout module (3 tries, see {@link PinLockoutModule}), reached through the agent's
 * normal module configuration.
 */
class PinLockoutIT {
  private static final String PIN = "802468";
  private static final String WRONG = "000000";
  private static final WebOrigin ORIGIN = WebOrigin.of("https://zcy.example.cn");
  private static final String NONCE = "p".repeat(44);

  private static Path lockout;
  private static UserCredentials ecUser;
  private static UserCredentials rsaUser;

  @BeforeAll
  static void prepare() {
    lockout = PinLockoutModule.module();
    assertThat(PinLockoutModule.maxTries()).as("tries the build gives the module").isEqualTo(3);
    PinLockoutModule.reset();
    SoftHsm.tokens(); // the configuration must exist before the module is first initialised
    ecUser = TestProvider.create("lock-ec", KeyKind.EC_P256, Instant.now()).issueUser("陈锁");
    rsaUser = TestProvider.create("lock-rsa", KeyKind.RSA_2048, Instant.now()).issueUser("陈锁二");
  }

  private static String provision(UserCredentials user) {
    String label = "lk-" + UUID.randomUUID().toString().substring(0, 8);
    SoftHsm.provision(label, PIN, user);
    return label;
  }

  private static Tokens tokens() {
    return Tokens.builder().pkcs11Modules(List.of(lockout)).rescanInterval(Duration.ZERO).build();
  }

  private static TokenInfo info(Tokens tokens, String label) {
    return tokens.scan().stream()
        .map(TokenSnapshot::info)
        .filter(t -> t.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("token " + label + " not found"));
  }

  private static String signatureCertificateId(Tokens tokens, String label, UserCredentials u) {
    return tokens.scan().stream()
        .filter(t -> t.info().label().equals(label))
        .flatMap(t -> t.certificates().stream())
        .filter(c -> c.certificate().equals(u.signature().certificate()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static AgentException refusal(Tokens tokens, String certificateId, String pin) {
    try {
      tokens.withKey(certificateId, pin.toCharArray(), (k, p, c) -> 1);
    } catch (AgentException e) {
      return e;
    }
    throw new AssertionError("the PIN was accepted");
  }

  @Test
  void countsWrongPinsDownToTheFinalTryAndThenLocksEvenTheRightPin() throws Exception {
    Tokens tokens = tokens();
    String label = provision(ecUser);
    String id = signatureCertificateId(tokens, label, ecUser);

    AgentException first = refusal(tokens, id, WRONG);
    assertThat(first.code()).isEqualTo(AgentError.PIN_INCORRECT);
    // count low alone carries no number (PinFlags): two tries are left, but the agent does not say
    assertThat(first.retriesLeft()).isEmpty();
    assertThat(info(tokens, label).pinRetriesLeft()).isEmpty();
    assertThat(info(tokens, label).locked()).isFalse();

    AgentException second = refusal(tokens, id, WRONG);
    assertThat(second.code()).isEqualTo(AgentError.PIN_INCORRECT);
    assertThat(second.retriesLeft()).contains(1);
    assertThat(second.getMessage()).doesNotContain(WRONG);
    assertThat(info(tokens, label).pinRetriesLeft()).contains(1);

    assertThat(refusal(tokens, id, WRONG).code()).isEqualTo(AgentError.PIN_LOCKED);
    assertThat(info(tokens, label).locked()).isTrue();
    assertThat(info(tokens, label).pinRetriesLeft()).contains(0);

    assertThat(refusal(tokens, id, PIN).code()).isEqualTo(AgentError.PIN_LOCKED);
    // a new agent (new module initialisation) still finds the key locked
    assertThat(refusal(tokens(), id, PIN).code()).isEqualTo(AgentError.PIN_LOCKED);
  }

  @Test
  void aKeyThatAnswersPinIncorrectAsItLocksIsReportedLockedFromItsFlags() throws Exception {
    Tokens tokens = tokens();
    String label = provision(ecUser);
    String id = signatureCertificateId(tokens, label, ecUser);
    PinLockoutModule.answerPinIncorrectWhenLocking(info(tokens, label).serial());

    refusal(tokens, id, WRONG);
    assertThat(refusal(tokens, id, WRONG).retriesLeft()).contains(1);
    AgentException locking = refusal(tokens, id, WRONG);

    assertThat(locking.code()).isEqualTo(AgentError.PIN_LOCKED);
    assertThat(locking.retriesLeft()).isEmpty();
    assertThat(refusal(tokens, id, PIN).code()).isEqualTo(AgentError.PIN_LOCKED);
  }

  @Test
  void theLockoutModuleItselfRefusesTheRightPinOnceLocked() throws Exception {
    Tokens tokens = tokens();
    String label = provision(rsaUser);
    String id = signatureCertificateId(tokens, label, rsaUser);
    for (int i = 0; i < PinLockoutModule.maxTries(); i++) {
      refusal(tokens, id, WRONG);
    }

    // OpenSC's pkcs11-tool, another process, logs in through the module with the right PIN
    Process p =
        new ProcessBuilder(
                "pkcs11-tool",
                "--module",
                lockout.toString(),
                "--token-label",
                label,
                "--login",
                "--pin",
                PIN,
                "--list-objects")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(output).contains("CKR_PIN_LOCKED");
  }

  @Test
  void theRightPinBeforeTheLockResetsTheCountAndSignsAVerifiableToken() throws Exception {
    for (UserCredentials user : List.of(ecUser, rsaUser)) {
      Tokens tokens = tokens();
      String label = provision(user);
      String id = signatureCertificateId(tokens, label, user);
      refusal(tokens, id, WRONG);
      assertThat(refusal(tokens, id, WRONG).retriesLeft()).contains(1);

      TokenAlgorithm alg = TokenAlgorithm.forKey(user.signature().publicKey());
      AuthToken signed =
          tokens.withKey(
              id,
              PIN.toCharArray(),
              (key, provider, c) ->
                  AuthToken.of(
                      c.getEncoded(),
                      List.of(),
                      alg,
                      TokenSigner.sign(alg, key, provider, ORIGIN, NONCE),
                      "test"));

      TokenSignatureVerifier.verify(signed, user.signature().certificate(), ORIGIN, NONCE);
      TokenInfo after = info(tokens, label);
      assertThat(after.locked()).isFalse();
      assertThat(after.pinRetriesLeft()).isEmpty();
      // all tries are back: two more wrong PINs reach the final try again, not the lock
      assertThat(refusal(tokens, id, WRONG).code()).isEqualTo(AgentError.PIN_INCORRECT);
      assertThat(refusal(tokens, id, WRONG).retriesLeft()).contains(1);
    }
  }
}
