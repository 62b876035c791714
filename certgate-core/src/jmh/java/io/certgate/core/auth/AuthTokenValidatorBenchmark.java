package io.certgate.core.auth;

import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.SignedData;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole of DESIGN §8 steps 1–7 as the server runs a repeated login ({@link
 * AuthTokenValidator#validate} of the JSON text with a warm validated-certificate cache: parse,
 * challenge, decode, algorithm, signature, purpose, validity, cached path and revocation) against
 * the bare Bouncy Castle signature verification of the same signature in the same run. Sample-time
 * mode times every call: on a shared machine the median is the undisturbed cost, and the ratio of
 * medians {@code raw / validate} is the figure (goal ≥ 0.8), as for the token benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthTokenValidatorBenchmark {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final WebOrigin ORIGIN = WebOrigin.of("https://zcy.example.gov.cn");
  private static final String NONCE = "q1ZlH3o2m8m0b3Yp0l9yXbqQ7W4mCk0Xg2o4Z3bq0Rk=";

  @Param({"ES256", "RS256", "PS256", "SM2SM3"})
  public TokenAlgorithm alg;

  /** Whether the token carries the issuing CA in {@code chain} (the agent may send it or not). */
  @Param({"false", "true"})
  public boolean withChain;

  private CertificateValidator certificates;
  private AuthTokenValidator validator;
  private String json;
  private PublicKey key;
  private byte[] data;
  private byte[] signature;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    KeyKind kind =
        switch (alg) {
          case ES256, ES384 -> KeyKind.EC_P256;
          case RS256, PS256 -> KeyKind.RSA_2048;
          case SM2SM3 -> KeyKind.SM2;
        };
    TestProvider provider = TestProvider.create("bench", kind, Instant.now());
    Credential user = provider.issueUser("基准").signature();
    certificates =
        CertificateValidator.builder()
            .secureRandom(new SecureRandom())
            .provider(
                ProviderTrust.builder("bench")
                    .anchors(provider.anchors())
                    .revocation(RevocationPolicy.none())
                    .build())
            .build();
    validator =
        AuthTokenValidator.builder()
            .certificateValidator(certificates)
            .origin(ORIGIN)
            .build();
    key = user.certificate().getPublicKey();
    signature = TokenSigner.sign(alg, user.privateKey(), BC, ORIGIN, NONCE);
    data = SignedData.of(alg, ORIGIN, NONCE);
    json =
        AuthTokens.toJson(
            AuthToken.of(
                user.certificate().getEncoded(),
                withChain ? List.of(provider.issuingCertificate().getEncoded()) : List.of(),
                alg,
                signature,
                "0.1.0"));
    validate(); // fail fast, and warms the validated-certificate cache
    if (!raw()) {
      throw new IllegalStateException("baseline does not verify");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    certificates.close();
  }

  @Benchmark
  public ValidatedToken validate() throws Exception {
    return validator.validate(json, ChallengeCheck.fixed(NONCE));
  }

  @Benchmark
  public boolean raw() throws Exception {
    Signature s =
        switch (alg) {
          case ES256 -> Signature.getInstance("SHA256withECDSA", BC);
          case ES384 -> Signature.getInstance("SHA384withECDSA", BC);
          case RS256 -> Signature.getInstance("SHA256withRSA", BC);
          case PS256 -> {
            Signature pss = Signature.getInstance("SHA256withRSAandMGF1", BC);
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            yield pss;
          }
          case SM2SM3 -> Signature.getInstance("SM3withSM2", BC);
        };
    s.initVerify(key);
    s.update(data);
    return s.verify(signature);
  }
}
