package io.certgate.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.jcajce.provider.digest.SM3;

/**
 * The data to be signed of DESIGN.md §5: {@code H(origin) ‖ H(nonce)}, both strings as UTF-8, with
 * {@code H} the algorithm's hash. Hashing each part separately gives the concatenation a fixed
 * length, so no origin/nonce pair can collide with another by moving characters across the border.
 * The signature algorithm then hashes these bytes once more, as it would any message.
 */
public final class SignedData {
  private SignedData() {}

  /**
   * {@code H(origin) ‖ H(nonce)}, the origin in its {@linkplain WebOrigin#value() serialisation};
   * the result is {@code 2 × alg.hashLength()} bytes long.
   */
  public static byte[] of(TokenAlgorithm alg, WebOrigin origin, String nonce) {
    MessageDigest digest = digest(alg);
    byte[] first = digest.digest(origin.value().getBytes(StandardCharsets.UTF_8));
    byte[] second = digest.digest(nonce.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[first.length + second.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** SHA-2 from the JDK (CPU intrinsics where available), SM3 from Bouncy Castle. */
  private static MessageDigest digest(TokenAlgorithm alg) {
    if (alg == TokenAlgorithm.SM2SM3) {
      return new SM3.Digest();
    }
    try {
      return MessageDigest.getInstance(alg.hashAlgorithm());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + alg.hashAlgorithm(), e);
    }
  }
}
