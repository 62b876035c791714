package io.certgate.agent.token;

import io.certgate.agent.signing.Authenticator;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.SoftHsmTokens;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What seeing inserted keys costs, and what a login costs, on SoftHSM2 with two tokens (RSA-2048
 * and P-256 dual keys). {@code scanCachedSlotList} is the baseline for {@code
 * scanReinitialisingModule}; the sign benchmarks include provider creation, C_Login, signing and
 * logout. Run:
 *
 * <pre>
 * mvn -q -pl certgate-agent -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * SOFTHSM2_CONF=/tmp/certgate-bench/softhsm2.conf java \
 *     --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED \
 *     --add-opens jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED \
 *     -cp certgate-agent/target/test-classes:certgate-agent/target/classes:$(cat certgate-agent/target/bench.cp) \
 *     io.certgate.agent.token.TokensBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
      "--add-opens=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED"
    })
public class TokensBenchmark {
  private static final String PIN = "112233";
  private static final WebOrigin ORIGIN = WebOrigin.parse("https://www.zcygov.cn").orElseThrow();
  private static final String NONCE = "x".repeat(44);

  private Tokens rescanning;
  private Tokens cached;
  private Authenticator authenticator;
  private String rsaId;
  private String ecId;

  @Setup
  public void provision() throws Exception {
    Path dir = Path.of(System.getenv("SOFTHSM2_CONF")).toAbsolutePath().getParent();
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    SoftHsmTokens softHsm = SoftHsmTokens.create(dir);
    UserCredentials rsa =
        TestProvider.create("b-rsa", KeyKind.RSA_2048, Instant.now()).issueUser("RSA");
    UserCredentials ec =
        TestProvider.create("b-ec", KeyKind.EC_P256, Instant.now()).issueUser("EC");
    softHsm.initToken("bench-rsa", "12345678", PIN);
    softHsm.importUser("bench-rsa", PIN, rsa);
    softHsm.initToken("bench-ec", "12345678", PIN);
    softHsm.importUser("bench-ec", PIN, ec);
    List<Path> module = List.of(softHsm.modulePath());
    rescanning = Tokens.builder().pkcs11Modules(module).rescanInterval(Duration.ZERO).build();
    cached = Tokens.builder().pkcs11Modules(module).rescanInterval(Duration.ofDays(1)).build();
    authenticator = new Authenticator(cached, "bench");
    rsaId = signatureId(rescanning, rsa);
    ecId = signatureId(rescanning, ec);
  }

  private static String signatureId(Tokens tokens, UserCredentials user) {
    return tokens.scan().stream()
        .flatMap(t -> t.certificates().stream())
        .filter(c -> c.certificate().equals(user.signature().certificate()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Benchmark
  public List<TokenSnapshot> scanCachedSlotList() {
    return cached.scan();
  }

  @Benchmark
  public List<TokenSnapshot> scanReinitialisingModule() {
    return rescanning.scan();
  }

  @Benchmark
  public String signRs256() throws Exception {
    return authenticator.authenticate(rsaId, ORIGIN, NONCE, PIN.toCharArray());
  }

  @Benchmark
  public String signEs256() throws Exception {
    return authenticator.authenticate(ecId, ORIGIN, NONCE, PIN.toCharArray());
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(TokensBenchmark.class.getSimpleName()).build()).run();
  }
}
