package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.SoftSkf;
import io.certgate.agent.signing.Authenticator;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.SignedData;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SKF keys (GM/T 0016) through the test-only software SKF library ({@link SoftSkf}): listing,
 * signing verified by Bouncy Castle and by the OpenSSL command line, the PIN counter, insertion and
 * removal, and libraries that are missing, broken or not exact.
 */
class SkfTokensIT {
  static final String PIN = "246810";
  private static final String WRONG = "000000";
  private static final String ORIGIN = "https://zcy.example.cn";
  private static final String NONCE = "s".repeat(44);

  private static Path library;
  private static UserCredentials sm2User;
  private static UserCredentials rsaUser;

  private Path devices;

  @BeforeAll
  static void prepare() {
    library = SoftSkf.library(SoftSkf.Variant.FULL);
    sm2User = TestProvider.create("skf-sm2", KeyKind.SM2, Instant.now()).issueUser("国密甲");
    rsaUser = TestProvider.create("skf-rsa", KeyKind.RSA_2048, Instant.now()).issueUser("国密乙");
  }

  @BeforeEach
  void noDevices() {
    devices = SoftSkf.reset();
  }

  static Tokens tokens(Path... libraries) {
    return Tokens.builder()
        .skfLibraries(List.of(libraries))
        .skfTimeout(Duration.ofSeconds(2))
        .build();
  }

  static TokenSnapshot token(Tokens tokens, String label) {
    return tokens.scan().stream()
        .filter(t -> t.info().label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no token " + label + "; " + tokens.problems()));
  }

  static String signingId(Tokens tokens, String label, UserCredentials user) {
    return token(tokens, label).certificates().stream()
        .filter(c -> c.certificate().equals(user.signature().certificate()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  static AgentException refusal(Tokens tokens, String id, String pin) {
    try {
      new Authenticator(tokens, "test").authenticate(id, origin(), NONCE, pin.toCharArray());
    } catch (AgentException e) {
      return e;
    }
    throw new AssertionError("the PIN was accepted");
  }

  static AuthToken sign(Tokens tokens, String id) throws Exception {
    String json =
        new Authenticator(tokens, "test").authenticate(id, origin(), NONCE, PIN.toCharArray());
    return AuthTokens.parse(json);
  }

  static WebOrigin origin() {
    return WebOrigin.parse(ORIGIN).orElseThrow();
  }

  @Test
  void listsEachDeviceAsAnSkfTokenWithItsSignatureAndEncryptionCertificates() {
    SoftSkf.device(devices, "GM3000-A", "SN-A-01", PIN, 6, sm2User);
    SoftSkf.device(devices, "GM3000-B", "SN-B-02", PIN, 10, rsaUser);
    SoftSkf.device(devices, "GM3000-C", "SN-C-03", PIN, 6, sm2User);
    Tokens tokens = tokens(library);

    List<TokenSnapshot> scan = tokens.scan();

    assertThat(tokens.problems()).isEmpty();
    assertThat(scan)
        .extracting(t -> t.info().label())
        .containsExactly("GM3000-A", "GM3000-B", "GM3000-C");
    TokenInfo a = scan.get(0).info();
    assertThat(a.kind()).isEqualTo(TokenKind.SKF);
    assertThat(a.manufacturer()).isEqualTo("CertGate Soft");
    assertThat(a.serial()).isEqualTo("SN-A-01");
    assertThat(a.pinRetriesLeft()).contains(6);
    assertThat(a.locked()).isFalse();
    assertThat(scan.get(1).info().pinRetriesLeft()).contains(10);
    assertThat(scan).extracting(t -> t.info().id()).doesNotHaveDuplicates();
    for (int i = 0; i < 3; i++) {
      UserCredentials user = i == 1 ? rsaUser : sm2User;
      assertThat(scan.get(i).certificates())
          .extracting(TokenCertificate::certificate, TokenCertificate::signatureCapable)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(user.signature().certificate(), true),
              org.assertj.core.groups.Tuple.tuple(user.encryption().certificate(), false));
    }
    assertThat(tokens.skfLibraries()).hasSize(1);
  }

  @Test
  void leavesOutContainersWithoutAKeyAndReadsEveryApplication() throws Exception {
    Path key = SoftSkf.device(devices, "Multi", "SN-M", PIN, 6, sm2User);
    SoftSkf.container(key, "app2", "rsa", PIN, 6, rsaUser);
    SoftSkf.container(key, "app2", "empty", PIN, 6, rsaUser);
    Files.delete(key.resolve("app2/empty/sign.key"));
    Tokens tokens = tokens(library);

    assertThat(token(tokens, "Multi").certificates())
        .extracting(TokenCertificate::certificate)
        .containsExactlyInAnyOrder(
            sm2User.signature().certificate(),
            sm2User.encryption().certificate(),
            rsaUser.signature().certificate(),
            rsaUser.encryption().certificate());
    TokenSignatureVerifier.verify(
        sign(tokens, signingId(tokens, "Multi", rsaUser)),
        rsaUser.signature().certificate(),
        origin(),
        NONCE);
  }

  @Test
  void signsSm2AndRsaTokensThatBouncyCastleAndOpensslVerify() throws Exception {
    SoftSkf.device(devices, "SM2-Key", "SN-SM2", PIN, 6, sm2User);
    SoftSkf.device(devices, "RSA-Key", "SN-RSA", PIN, 6, rsaUser);
    Tokens tokens = tokens(library);

    for (UserCredentials user : List.of(sm2User, rsaUser)) {
      String label = user == sm2User ? "SM2-Key" : "RSA-Key";
      AuthToken token = sign(tokens, signingId(tokens, label, user));

      TokenAlgorithm alg = TokenAlgorithm.forKey(user.signature().publicKey());
      assertThat(token.algorithm()).isEqualTo(alg);
      TokenSignatureVerifier.verify(token, user.signature().certificate(), origin(), NONCE);
      assertThat(opensslVerifies(user.signature().certificate(), alg, token.signature())).isTrue();
      byte[] tampered = token.signature().clone();
      tampered[tampered.length - 1] ^= 1;
      assertThat(opensslVerifies(user.signature().certificate(), alg, tampered)).isFalse();
    }
  }

  @Test
  void clearsTheSecureStateAfterEverySignatureWhateverHappened() throws Exception {
    SoftSkf.device(devices, "SM2-Key", "SN-SM2", PIN, 6, sm2User);
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "SM2-Key", sm2User);

    sign(tokens, id);
    assertThat(afterLast(SoftSkf.calls(devices), "SKF_VerifyPIN"))
        .containsSubsequence("SKF_ECCSignData 00000000", "SKF_ClearSecureState 00000000");

    refusal(tokens, id, WRONG);
    assertThat(afterLast(SoftSkf.calls(devices), "SKF_VerifyPIN"))
        .contains("SKF_ClearSecureState 00000000");

    SoftSkf.quirks("sar:SKF_ECCSignData:0A000001");
    AgentException failed = refusal(tokens, id, PIN);
    assertThat(failed.code()).isEqualTo(AgentError.INTERNAL);
    assertThat(failed.getMessage()).contains("SAR_FAIL");
    assertThat(afterLast(SoftSkf.calls(devices), "SKF_VerifyPIN"))
        .containsSubsequence("SKF_ECCSignData 0A000001", "SKF_ClearSecureState 00000000");
  }

  @Test
  void countsWrongPinsDownThenLocksEvenTheRightPin() throws Exception {
    SoftSkf.device(devices, "SM2-Key", "SN-SM2", PIN, 3, sm2User);
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "SM2-Key", sm2User);

    AgentException first = refusal(tokens, id, WRONG);
    assertThat(first.code()).isEqualTo(AgentError.PIN_INCORRECT);
    assertThat(first.retriesLeft()).contains(2);
    assertThat(first.getMessage()).doesNotContain(WRONG);
    assertThat(token(tokens, "SM2-Key").info().pinRetriesLeft()).contains(2);
    assertThat(refusal(tokens, id, WRONG).retriesLeft()).contains(1);

    assertThat(refusal(tokens, id, WRONG).code()).isEqualTo(AgentError.PIN_LOCKED);
    TokenInfo locked = token(tokens, "SM2-Key").info();
    assertThat(locked.locked()).isTrue();
    assertThat(locked.pinRetriesLeft()).contains(0);
    assertThat(refusal(tokens, id, PIN).code()).isEqualTo(AgentError.PIN_LOCKED);
    assertThat(refusal(tokens(library), id, PIN).code()).isEqualTo(AgentError.PIN_LOCKED);
  }

  @Test
  void theRightPinResetsTheCount() throws Exception {
    SoftSkf.device(devices, "RSA-Key", "SN-RSA", PIN, 3, rsaUser);
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "RSA-Key", rsaUser);
    assertThat(refusal(tokens, id, WRONG).retriesLeft()).contains(2);

    sign(tokens, id);

    assertThat(token(tokens, "RSA-Key").info().pinRetriesLeft()).contains(3);
  }

  @Test
  void seesKeysUnpluggedAndPluggedWhileRunning() throws Exception {
    Path key = SoftSkf.device(devices, "SM2-Key", "SN-SM2", PIN, 6, sm2User);
    Tokens tokens = tokens(library);
    String id = signingId(tokens, "SM2-Key", sm2User);
    Path away = Files.createTempDirectory("unplugged").resolve("SM2-Key");

    Files.move(key, away);
    assertThat(tokens.scan()).isEmpty();
    AgentException gone = refusal(tokens, id, PIN);
    assertThat(gone.code()).isEqualTo(AgentError.TOKEN_NOT_PRESENT);

    Files.move(away, key);
    assertThat(token(tokens, "SM2-Key").info().id()).isEqualTo(tokenIdOf(id));
    TokenSignatureVerifier.verify(
        sign(tokens, id), sm2User.signature().certificate(), origin(), NONCE);
  }

  @Test
  void aMissingOrBrokenLibraryIsReportedWithoutHidingTheOthers(@TempDir Path dir) throws Exception {
    SoftSkf.device(devices, "SM2-Key", "SN-SM2", PIN, 6, sm2User);
    Path missing = dir.resolve("libnothere.so");
    Path garbage = Files.writeString(dir.resolve("libgarbage.so"), "not a shared object");
    Path lacking = SoftSkf.library(SoftSkf.Variant.NO_SIGN);
    Tokens tokens = tokens(missing, garbage, lacking, library);

    List<TokenSnapshot> scan = tokens.scan();

    assertThat(scan).extracting(t -> t.info().label()).containsExactly("SM2-Key");
    assertThat(tokens.problems())
        .anySatisfy(p -> assertThat(p).contains("SKF library not found").contains("libnothere.so"))
        .anySatisfy(p -> assertThat(p).contains("libgarbage.so").contains("cannot be loaded"))
        .anySatisfy(
            p -> assertThat(p).contains("libsoftskf-nosign.so").contains("SKF_ECCSignData"));
    TokenSignatureVerifier.verify(
        sign(tokens, signingId(tokens, "SM2-Key", sm2User)),
        sm2User.signature().certificate(),
        origin(),
        NONCE);
  }

  private static String tokenIdOf(String certificateId) {
    return TokenCertificate.tokenIdOf(certificateId).orElseThrow();
  }

  private static List<String> afterLast(List<String> calls, String prefix) {
    int last = -1;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        last = i;
      }
    }
    return calls.subList(last, calls.size());
  }

  static boolean opensslVerifies(X509Certificate cert, TokenAlgorithm alg, byte[] signature)
      throws Exception {
    Path dir = Files.createTempDirectory("skf-openssl");
    Path pub = dir.resolve("pub.pem");
    Files.writeString(
        pub,
        "-----BEGIN PUBLIC KEY-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(cert.getPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Path data = Files.write(dir.resolve("data"), SignedData.of(alg, origin(), NONCE));
    Path sig = Files.write(dir.resolve("sig"), signature);
    List<String> command =
        alg == TokenAlgorithm.SM2SM3
            ? List.of(
                "openssl",
                "dgst",
                "-sm3",
                "-verify",
                pub.toString(),
                "-sigopt",
                "distid:1234567812345678",
                "-signature",
                sig.toString(),
                data.toString())
            : List.of(
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                pub.toString(),
                "-signature",
                sig.toString(),
                data.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).containsAnyOf("Verified OK", "Verification failure");
    return p.exitValue() == 0 && out.contains("Verified OK");
  }
}
