package io.certgate.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The cost of one password check on the login path: the platform's Argon2id against bcrypt (cost
 * 10) and, as the baseline, one SHA-256. Run (after {@code mvn -pl certgate-server -am
 * test-compile}):
 *
 * <pre>
 * cd certgate-server && mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.certgate.server.account.PasswordHashBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PasswordHashBenchmark {
  private static final String PASSWORD = "Good#Pass2026";
  private final Argon2PasswordEncoder argon2 =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
  private String argon2Hash;
  private String bcryptHash;

  @Setup
  public void hash() {
    argon2Hash = argon2.encode(PASSWORD);
    bcryptHash = bcrypt.encode(PASSWORD);
  }

  @Benchmark
  public boolean argon2idMatches() {
    return argon2.matches(PASSWORD, argon2Hash);
  }

  @Benchmark
  public boolean bcrypt10Matches() {
    return bcrypt.matches(PASSWORD, bcryptHash);
  }

  @Benchmark
  public byte[] sha256Baseline() throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(PasswordHashBenchmark.class.getSimpleName()).build())
        .run();
  }
}
