package io.certgate.loadgen;

import io.certgate.core.token.SignedData;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The baseline of a login's one verification: a bare Bouncy Castle {@link Signature} (get, init,
 * update over {@code H(origin) ‖ H(nonce)}, verify) with a benchmark user's key, in this process,
 * single-threaded, for a fixed time. CPU comes from the thread's own CPU clock.
 */
final class RawVerifyBenchmark {
  private static final Provider BC = new BouncyCastleProvider();

  private RawVerifyBenchmark() {}

  /** Verifications per second of wall time and CPU per verification. */
  record Result(TokenAlgorithm algorithm, long verifications, Duration wall, Duration cpu) {
    double perSecond() {
      return verifications / Phase.seconds(wall);
    }

    double cpuMicrosPerVerify() {
      return cpu.toNanos() / 1e3 / verifications;
    }
  }

  static Result run(BenchUser user, String origin, Duration duration) {
    TokenAlgorithm alg = user.algorithm();
    String nonce = "raw-verify-baseline-nonce";
    try {
      byte[] data = SignedData.of(alg, WebOrigin.of(origin), nonce);
      byte[] signature = TokenSigner.sign(alg, user.privateKey(), BC, WebOrigin.of(origin), nonce);
      PublicKey key = user.certificate().getPublicKey();
      String name = jcaName(alg);
      // warm-up, then the measured loop
      loop(name, key, data, signature, duration.dividedBy(3));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long count = loop(name, key, data, signature, duration);
      long wall = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      return new Result(alg, count, Duration.ofNanos(wall), Duration.ofNanos(cpu));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("raw verification of " + alg + " failed", e);
    }
  }

  private static long loop(
      String name, PublicKey key, byte[] data, byte[] signature, Duration duration)
      throws GeneralSecurityException {
    long end = System.nanoTime() + duration.toNanos();
    long count = 0;
    while (System.nanoTime() < end) {
      Signature verifier = Signature.getInstance(name, BC);
      verifier.initVerify(key);
      verifier.update(data);
      if (!verifier.verify(signature)) {
        throw new IllegalStateException("the baseline's own signature does not verify");
      }
      count++;
    }
    return count;
  }

  private static String jcaName(TokenAlgorithm alg) {
    return switch (alg) {
      case ES256 -> "SHA256withECDSA";
      case ES384 -> "SHA384withECDSA";
      case RS256 -> "SHA256withRSA";
      case SM2SM3 -> "SM3withSM2";
      case PS256 -> throw new IllegalArgumentException("PS256 is not benchmarked");
    };
  }
}
