package io.certgate.core.revocation;

import io.certgate.core.support.LargeCrl;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A CRL of 1,000,000 random 128-bit serials: load time (download bytes → signature check → index)
 * and lookup time of the {@link SerialIndex}, each against the JDK's own {@link X509CRL} of the
 * same bytes as the baseline. The retained heap of both is printed by {@link #measureHeap} once
 * per fork ("heap:" lines).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CrlIndexBenchmark {
  private static final int SERIALS = 1_000_000;
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  private byte[] der;
  private List<X509Certificate> issuers;
  private SerialIndex index;
  private X509CRL jdkCrl;
  private BigInteger[] probes;
  private int next;
  private X509Certificate[] users;
  private List<CrlCoverage.Held> held;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    TestProvider provider =
        TestProvider.builder()
            .code("bench")
            .keyKind(KeyKind.EC_P256)
            .at(NOW)
            .crlDistributionPoint(URI.create("http://127.0.0.1:9/bench.crl"))
            .build();
    X509Certificate listedUser = provider.issueUser("甲").signature().certificate();
    users =
        new X509Certificate[] {listedUser, provider.issueUser("乙").signature().certificate()};
    LargeCrl crl =
        LargeCrl.generate(
            provider,
            SERIALS,
            11,
            NOW,
            NOW.plus(Duration.ofDays(1)),
            List.of(listedUser.getSerialNumber()));
    der = crl.der();
    issuers = provider.anchors();
    // Half listed, half not: the sample of the CRL and fresh serials of the same shape.
    List<BigInteger> listed = crl.sample();
    List<BigInteger> unlisted = LargeCrl.unlisted(listed.size(), 11);
    probes = new BigInteger[1024];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = (i % 2 == 0 ? listed : unlisted).get((i / 2) % listed.size());
    }
    Crl loaded = CrlLoader.load(der, issuers).crl();
    index = loaded.revoked();
    held = List.of(new CrlCoverage.Held(loaded, URI.create("http://127.0.0.1:9/bench.crl")));
    jdkCrl = jdkLoad();
    measureHeap();
  }

  private void measureHeap() throws Exception {
    long indexBytes = retained(() -> loadQuietly().crl());
    long jdkBytes = retained(this::jdkLoadQuietly);
    System.out.printf(
        "%nheap: CRL DER %.1f MiB; SerialIndex %.1f MiB (computed %.1f MiB); JDK X509CRL %.1f MiB;"
            + " ratio JDK/index %.1fx%n",
        der.length / 1048576.0,
        indexBytes / 1048576.0,
        index.footprintBytes() / 1048576.0,
        jdkBytes / 1048576.0,
        (double) jdkBytes / indexBytes);
  }

  /** Heap still held by what {@code load} returns, after full collections before and after. */
  private static long retained(Supplier<Object> load) {
    var memory = ManagementFactory.getMemoryMXBean();
    settle();
    long before = memory.getHeapMemoryUsage().getUsed();
    Object held = load.get();
    settle();
    long after = memory.getHeapMemoryUsage().getUsed();
    if (held.hashCode() == 42) {
      System.out.print(""); // keeps {@code held} reachable until the second measurement
    }
    return after - before;
  }

  private static void settle() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private CrlLoader.Loaded loadQuietly() {
    try {
      return CrlLoader.load(der, issuers);
    } catch (CrlLoader.RejectedCrlException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509CRL jdkLoadQuietly() {
    try {
      return jdkLoad();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private X509CRL jdkLoad() throws Exception {
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    crl.verify(issuers.get(1).getPublicKey());
    return crl;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public boolean lookupIndex() {
    return index.contains(probes[next++ & 1023]);
  }

  /**
   * The whole answer a CRL store gives for a certificate since issue 16: RFC 5280 §6.3.3 coverage
   * (the certificate's distribution points against the CRL's scope) and the serial lookup; one
   * listed and one unlisted certificate in turn.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Object lookupCoverage() {
    return CrlCoverage.status(held, users[next++ & 1]);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public boolean lookupJdkCrlBaseline() {
    return jdkCrl.getRevokedCertificate(probes[next++ & 1023]) != null;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public Object loadIndex() throws Exception {
    return CrlLoader.load(der, issuers);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public Object loadJdkCrlBaseline() throws Exception {
    return jdkLoad();
  }
}
