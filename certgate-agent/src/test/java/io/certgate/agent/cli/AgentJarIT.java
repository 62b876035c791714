package io.certgate.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.agent.PinLockoutModule;
import io.certgate.agent.SoftHsm;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code certgate-agent.jar} run as a user runs it ({@code java -jar}): its manifest
 * must open the PKCS#11 wrapper, and each command must work against real SoftHSM2 tokens.
 */
class AgentJarIT {
  private static final Path JAR = Path.of("target/certgate-agent.jar");
  private static final String PIN = "778899";
  private static final String ORIGIN = "https://www.zcygov.cn";
  private static UserCredentials user;
  private static String label;

  @TempDir static Path home;

  @BeforeAll
  static void provision() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the jar is built by the package phase");
    assumeTrue(SoftHsm.available(), "SoftHSM2 is not installed or SOFTHSM2_CONF is not set");
    user = TestProvider.create("jar-ec", KeyKind.EC_P256, Instant.now()).issueUser("吴十");
    label = "jar-" + Long.toHexString(System.nanoTime());
    SoftHsm.provision(label, PIN, user);
  }

  record Run(int exit, String out, String err) {}

  private static ProcessBuilder agent(Map<String, String> extraEnv, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("SOFTHSM2_CONF", SoftHsm.tokens().conf().toString());
    env.put("CERTGATE_AGENT_CONFIG", home.resolve("agent.properties").toString());
    env.put("CERTGATE_AGENT_PKCS11", SoftHsm.module().toString());
    env.put("CERTGATE_AGENT_PKCS11_BUILTIN", "false");
    env.put("CERTGATE_AGENT_SOFTKEYS", home.resolve("softkeys").toString());
    env.putAll(extraEnv);
    return pb;
  }

  private static Run run(String stdin, String... args) throws Exception {
    return run(Map.of(), stdin, args);
  }

  private static Run run(Map<String, String> env, String stdin, String... args) throws Exception {
    Process p = agent(env, args).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void listShowsTheTokenAndItsCertificates() throws Exception {
    Run r = run("", "list");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(label, "SoftHSM project", "CN=吴十", ", signature", ", encryption only");
    assertThat(r.err()).contains("configuration: " + home.resolve("agent.properties"));
  }

  @Test
  void signAsksThePinAndPrintsATokenThatVerifies() throws Exception {
    String nonce = "q".repeat(44);
    String id = certificateId();

    Run r = run(PIN + "\n", "sign", "--origin", ORIGIN, "--nonce", nonce, "--certificate", id);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("PIN for").doesNotContain(PIN);
    AuthToken token = AuthTokens.parse(r.out().strip());
    TokenSignatureVerifier.verify(
        token, user.signature().certificate(), WebOrigin.of(ORIGIN), nonce);
  }

  @Test
  void listsAndSignsWithAnSm2KeyBehindAnSkfLibrary() throws Exception {
    Path devices = io.certgate.agent.SoftSkf.reset();
    UserCredentials sm2 =
        TestProvider.create("jar-skf", KeyKind.SM2, Instant.now()).issueUser("郑十一");
    io.certgate.agent.SoftSkf.device(devices, "GM3000-JAR", "SN-JAR", PIN, 6, sm2);
    Map<String, String> env =
        Map.of(
            "CERTGATE_AGENT_SKF",
            io.certgate.agent.SoftSkf.library(io.certgate.agent.SoftSkf.Variant.FULL).toString(),
            "CERTGATE_AGENT_SKF_BUILTIN",
            "false");

    Run list = run(env, "", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("GM3000-JAR (skf", "6 PIN tries left", "CN=郑十一", "SM2, signature");

    String der =
        java.util.Base64.getEncoder().encodeToString(sm2.signature().certificate().getEncoded());
    String id =
        list.out()
            .lines()
            .filter(l -> l.strip().startsWith("certificate skf-"))
            .map(l -> l.strip().substring("certificate ".length()))
            .findFirst()
            .orElseThrow();
    String nonce = "q".repeat(44);
    Run sign =
        run(env, PIN + "\n", "sign", "--origin", ORIGIN, "--nonce", nonce, "--certificate", id);
    assertThat(sign.exit()).as(sign.err()).isZero();
    AuthToken token = AuthTokens.parse(sign.out().strip());
    assertThat(java.util.Base64.getEncoder().encodeToString(token.certificate())).isEqualTo(der);
    TokenSignatureVerifier.verify(
        token, sm2.signature().certificate(), WebOrigin.of(ORIGIN), nonce);
  }

  @Test
  void signWithAWrongPinExitsWithPinIncorrect() throws Exception {
    Run r =
        run(
            "000000\n",
            "sign",
            "--origin",
            ORIGIN,
            "--nonce",
            "q".repeat(44),
            "--certificate",
            certificateId());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("PIN_INCORRECT").doesNotContain("000000");
  }

  @Test
  void runServesTheApiOnTheConfiguredPortAndSeesKeysInsertedWhileRunning() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process p =
        agent(
                Map.of(
                    "CERTGATE_AGENT_PORT", String.valueOf(port), "CERTGATE_AGENT_ORIGINS", ORIGIN),
                "run")
            .redirectErrorStream(true)
            .start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> status = null;
      for (int i = 0; i < 100 && status == null; i++) {
        try {
          status =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status"))
                      .header("Origin", ORIGIN)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      assertThat(status).isNotNull();
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"agent\":\"certgate-agent\"", label);

      // a key inserted while it runs is seen without a restart: proves the jar's Add-Opens works
      String late = "late-" + Long.toHexString(System.nanoTime());
      SoftHsm.provision(late, PIN, user);
      boolean seen = false;
      for (int i = 0; i < 50 && !seen; i++) {
        Thread.sleep(100);
        seen =
            client
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status"))
                        .header("Origin", ORIGIN)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body()
                .contains(late);
      }
      assertThat(seen).as("token inserted while running is listed").isTrue();
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void signOnAKeyThatCountsWrongPinsSaysTheFinalTryThenLocked() throws Exception {
    // SoftHSM2 behind the test-only lockout module (3 tries), configured as a user would
    Map<String, String> lockout =
        Map.of("CERTGATE_AGENT_PKCS11", PinLockoutModule.module().toString());
    UserCredentials owner =
        TestProvider.create("jar-lock", KeyKind.EC_P256, Instant.now()).issueUser("陈锁四");
    String lockLabel = "jarlock-" + Long.toHexString(System.nanoTime());
    SoftHsm.provision(lockLabel, PIN, owner);
    String[] sign = {
      "sign",
      "--origin",
      ORIGIN,
      "--nonce",
      "q".repeat(44),
      "--certificate",
      certificateId(lockout, "CN=陈锁四")
    };

    assertThat(run(lockout, "000000\n", sign).err()).contains("PIN_INCORRECT");
    Run finalTry = run(lockout, "000000\n", sign);
    assertThat(finalTry.exit()).isEqualTo(1);
    assertThat(finalTry.err()).contains("PIN_INCORRECT", "1 tries left").doesNotContain("000000");
    Run locking = run(lockout, "000000\n", sign);
    assertThat(locking.exit()).isEqualTo(1);
    assertThat(locking.err()).contains("PIN_LOCKED");

    String listed = run(lockout, "", "list").out();
    String tokenLine = listed.lines().filter(l -> l.contains(lockLabel)).findFirst().orElseThrow();
    assertThat(tokenLine).contains("PIN LOCKED");
  }

  /**
   * The id `list` prints for this user's signature certificate (its block ends at the next one).
   */
  private static String certificateId() throws Exception {
    return certificateId(Map.of(), "CN=吴十");
  }

  private static String certificateId(Map<String, String> env, String subject) throws Exception {
    Run list = run(env, "", "list");
    String[] blocks = list.out().split("\n(?=  certificate |token |\n)");
    for (String block : blocks) {
      if (block.startsWith("  certificate ")
          && block.contains(subject)
          && block.contains(", signature")) {
        return block.substring("  certificate ".length(), block.indexOf('\n')).strip();
      }
    }
    throw new AssertionError("no signature certificate listed:\n" + list.out());
  }
}
