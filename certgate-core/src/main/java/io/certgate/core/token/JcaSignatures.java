package io.certgate.core.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/** How each token algorithm is spelled in JCA, with its parameters set. */
final class JcaSignatures {
  /** The default SM2 signer ID of GB/T 32918, used by every CA client we interoperate with. */
  static final byte[] SM2_DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** RFC 8017 PSS with MGF1-SHA-256 and a salt the size of the hash, as DESIGN.md §5 requires. */
  static final PSSParameterSpec PS256_PARAMS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  private JcaSignatures() {}

  /** A fresh, parameterised {@link Signature} for the algorithm from the given provider. */
  static Signature newSignature(TokenAlgorithm alg, Provider provider)
      throws GeneralSecurityException {
    return switch (alg) {
      case ES256 -> Signature.getInstance("SHA256withECDSA", provider);
      case ES384 -> Signature.getInstance("SHA384withECDSA", provider);
      case RS256 -> Signature.getInstance("SHA256withRSA", provider);
      case PS256 -> pss(provider);
      case SM2SM3 -> {
        Signature s = Signature.getInstance("SM3withSM2", provider);
        s.setParameter(new SM2ParameterSpec(SM2_DEFAULT_ID));
        yield s;
      }
    };
  }

  /** SunRsaSign and SunPKCS11 name PSS "RSASSA-PSS"; Bouncy Castle also knows the long name. */
  private static Signature pss(Provider provider) throws GeneralSecurityException {
    Signature s;
    try {
      s = Signature.getInstance("RSASSA-PSS", provider);
    } catch (NoSuchAlgorithmException e) {
      s = Signature.getInstance("SHA256withRSAandMGF1", provider);
    }
    s.setParameter(PS256_PARAMS);
    return s;
  }
}
