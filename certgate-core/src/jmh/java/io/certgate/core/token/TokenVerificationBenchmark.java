package io.certgate.core.token;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Token verification as the server runs it ({@link AuthTokens#parse} of the JSON text, then {@link
 * TokenSignatureVerifier#verify} with the already-decoded certificate: warm caches) against the
 * bare JCA baseline on the same key in the same run: {@code Signature.getInstance} from Bouncy
 * Castle, {@code initVerify}, {@code update} over the precomputed signed data, {@code verify}.
 *
 * <p>Sample-time mode: every call is timed. On a shared, oversubscribed machine a call is either
 * undisturbed or stretched by a preemption, so the median time is the undisturbed cost even when
 * throughput averages are swamped by other processes; ratios are taken between medians.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {
  private static final WebOrigin ORIGIN = WebOrigin.of("https://zcy.example.gov.cn");
  private static final String NONCE = "q1ZlH3o2m8m0b3Yp0l9yXbqQ7W4mCk0Xg2o4Z3bq0Rk=";

  @Param({"ES256", "ES384", "RS256", "PS256", "SM2SM3"})
  public TokenAlgorithm alg;

  private String json;
  private X509Certificate certificate;
  private PublicKey publicKey;
  private byte[] data;
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    TestKeys.Credential c = TestKeys.of(alg.keyType());
    certificate = c.certificate();
    publicKey = certificate.getPublicKey();
    signature = TokenSigner.sign(alg, c.keys().getPrivate(), Providers.BC, ORIGIN, NONCE);
    data = SignedData.of(alg, ORIGIN, NONCE);
    json =
        AuthTokens.toJson(
            AuthToken.of(certificate.getEncoded(), List.of(), alg, signature, "0.1.0"));
    token(); // fail fast if the setup is wrong
    if (!raw()) {
      throw new IllegalStateException("baseline does not verify");
    }
  }

  @Benchmark
  public AuthToken token() throws Exception {
    AuthToken token = AuthTokens.parse(json);
    TokenSignatureVerifier.verify(token, certificate, ORIGIN, NONCE);
    return token;
  }

  /** For scale only: the same, with the certificate decoded from the token on every call. */
  @Benchmark
  public AuthToken tokenDecodingCertificate() throws Exception {
    AuthToken token = AuthTokens.parse(json);
    X509Certificate decoded =
        (X509Certificate)
            CertificateFactory.getInstance("X.509", Providers.BC)
                .generateCertificate(new ByteArrayInputStream(token.certificate()));
    TokenSignatureVerifier.verify(token, decoded, ORIGIN, NONCE);
    return token;
  }

  @Benchmark
  public boolean raw() throws Exception {
    Signature s;
    switch (alg) {
      case ES256 -> s = Signature.getInstance("SHA256withECDSA", Providers.BC);
      case ES384 -> s = Signature.getInstance("SHA384withECDSA", Providers.BC);
      case RS256 -> s = Signature.getInstance("SHA256withRSA", Providers.BC);
      case PS256 -> {
        s = Signature.getInstance("SHA256withRSAandMGF1", Providers.BC);
        s.setParameter(JcaSignatures.PS256_PARAMS);
      }
      default -> {
        s = Signature.getInstance("SM3withSM2", Providers.BC);
        s.setParameter(new SM2ParameterSpec(JcaSignatures.SM2_DEFAULT_ID));
      }
    }
    s.initVerify(publicKey);
    s.update(data);
    return s.verify(signature);
  }
}
