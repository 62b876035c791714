package io.certgate.core.token;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The data to be signed of DESIGN.md §5: {@code H(origin) ‖ H(nonce)}, both strings as UTF-8, with
 * {@code H} the algorithm's hash. Hashing each part separately gives the concatenation a fixed
 * length, so no origin/nonce pair can collide with another by moving characters across the border.
 * The signature algorithm then hashes these bytes once more, as it would any message.
 */
public final class SignedData {
  private SignedData() {}

  /** {@code H(origin) ‖ H(nonce)}; the result is {@code 2 × alg.hashLength()} bytes long. */
  public static byte[] of(TokenAlgorithm alg, String origin, String nonce) {
    Digest digest = digest(alg);
    int n = digest.getDigestSize();
    byte[] out = new byte[2 * n];
    hash(digest, origin, out, 0);
    hash(digest, nonce, out, n);
    return out;
  }

  private static void hash(Digest digest, String text, byte[] out, int offset) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(bytes, 0, bytes.length);
    digest.doFinal(out, offset); // doFinal also resets the digest for the next part
  }

  private static Digest digest(TokenAlgorithm alg) {
    return switch (alg) {
      case ES256, RS256, PS256 -> new SHA256Digest();
      case ES384 -> new SHA384Digest();
      case SM2SM3 -> new SM3Digest();
    };
  }
}
