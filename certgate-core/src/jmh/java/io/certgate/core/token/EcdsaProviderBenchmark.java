package io.certgate.core.token;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Why elliptic-curve verification runs on Bouncy Castle: one P-256 signature verified with the JDK
 * 17 default provider (SunEC, with its own key object) and with Bouncy Castle, in the same run
 * (sample-time mode; compare medians, see {@link TokenVerificationBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcdsaProviderBenchmark {
  private PublicKey bcKey;
  private PublicKey jdkKey;
  private byte[] data;
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    TestKeys.Credential c = TestKeys.of(KeyType.EC_P256);
    bcKey = c.keys().getPublic();
    jdkKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bcKey.getEncoded()));
    data = SignedData.of(TokenAlgorithm.ES256, WebOrigin.of("https://zcy.example.gov.cn"), "nonce");
    signature =
        TokenSigner.sign(
            TokenAlgorithm.ES256,
            c.keys().getPrivate(),
            Providers.BC,
            WebOrigin.of("https://zcy.example.gov.cn"),
            "nonce");
    if (!jdkP256() || !bouncyCastleP256()) {
      throw new IllegalStateException("setup does not verify");
    }
  }

  @Benchmark
  public boolean jdkP256() throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initVerify(jdkKey);
    s.update(data);
    return s.verify(signature);
  }

  @Benchmark
  public boolean bouncyCastleP256() throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA", Providers.BC);
    s.initVerify(bcKey);
    s.update(data);
    return s.verify(signature);
  }
}
