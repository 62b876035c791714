package io.certgate.core.token;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SignatureException;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * ECDSA and SM2 signatures come in two encodings: DER {@code SEQUENCE {r, s}} (the token's) and the
 * raw fixed-width {@code r ‖ s} that PKCS#11 mechanisms such as {@code CKM_ECDSA} return. This
 * normalises a signer's output to DER.
 */
final class DsaSignatureEncoding {
  private static final BigInteger P256_ORDER = NISTNamedCurves.getByName("P-256").getN();
  private static final BigInteger P384_ORDER = NISTNamedCurves.getByName("P-384").getN();
  private static final BigInteger SM2_ORDER = GMNamedCurves.getByName("sm2p256v1").getN();

  private DsaSignatureEncoding() {}

  /**
   * Returns the signature as canonical DER: unchanged when it already is, converted when it is raw
   * {@code r ‖ s} of exactly twice the order's length.
   *
   * @throws SignatureException if it is neither
   */
  static byte[] toDer(TokenAlgorithm alg, byte[] signature) throws SignatureException {
    BigInteger order = order(alg);
    try {
      StandardDSAEncoding.INSTANCE.decode(order, signature);
      return signature;
    } catch (IOException | IllegalArgumentException notDer) {
      // fall through: perhaps raw r ‖ s
    }
    int width = (order.bitLength() + 7) / 8;
    if (signature.length != 2 * width) {
      throw new SignatureException("signer returned neither DER nor raw r||s");
    }
    try {
      BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(order, signature);
      if (!inRange(rs[0], order) || !inRange(rs[1], order)) {
        throw new SignatureException("signer returned an out-of-range raw signature");
      }
      return StandardDSAEncoding.INSTANCE.encode(order, rs[0], rs[1]);
    } catch (IOException | IllegalArgumentException e) {
      throw new SignatureException("signer returned an out-of-range raw signature", e);
    }
  }

  private static boolean inRange(BigInteger v, BigInteger order) {
    return v.signum() > 0 && v.compareTo(order) < 0;
  }

  private static BigInteger order(TokenAlgorithm alg) {
    return switch (alg) {
      case ES256 -> P256_ORDER;
      case ES384 -> P384_ORDER;
      case SM2SM3 -> SM2_ORDER;
      case RS256, PS256 -> throw new IllegalArgumentException(alg + " is not a DSA algorithm");
    };
  }
}
