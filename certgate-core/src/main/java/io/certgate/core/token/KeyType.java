package io.certgate.core.token;

import io.certgate.core.AlgorithmMismatchException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The public-key kinds a token may be signed with; anything else is an algorithm mismatch. */
enum KeyType {
  RSA,
  EC_P256,
  EC_P384,
  SM2;

  private static final CurveId P256 = CurveId.of(NISTNamedCurves.getByName("P-256"));
  private static final CurveId P384 = CurveId.of(NISTNamedCurves.getByName("P-384"));
  private static final CurveId SM2P256 = CurveId.of(GMNamedCurves.getByName("sm2p256v1"));

  /**
   * Classifies a key by its mathematics, not by its provider's algorithm name (SM2 keys are "EC" to
   * some providers and unparseable to others).
   */
  static KeyType of(PublicKey key) throws AlgorithmMismatchException {
    if (key instanceof RSAPublicKey) {
      return RSA;
    }
    if (key instanceof ECPublicKey ec) {
      return ofCurve(CurveId.of(ec.getParams()));
    }
    return ofEncoding(key);
  }

  /** Keys that no loaded provider understood (the JDK with an SM2 certificate): read the SPKI. */
  private static KeyType ofEncoding(PublicKey key) throws AlgorithmMismatchException {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new AlgorithmMismatchException("unsupported public key: " + key.getAlgorithm());
    }
    AlgorithmIdentifier id;
    try {
      id = SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm();
    } catch (RuntimeException e) {
      throw new AlgorithmMismatchException("unreadable public key", e);
    }
    if (PKCSObjectIdentifiers.rsaEncryption.equals(id.getAlgorithm())) {
      return RSA;
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(id.getAlgorithm())
        && id.getParameters() instanceof ASN1ObjectIdentifier curve) {
      if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
        return SM2;
      }
      if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
        return EC_P256;
      }
      if (SECObjectIdentifiers.secp384r1.equals(curve)) {
        return EC_P384;
      }
    }
    throw new AlgorithmMismatchException("unsupported public key: " + id.getAlgorithm().getId());
  }

  private static KeyType ofCurve(CurveId curve) throws AlgorithmMismatchException {
    if (curve.equals(P256)) {
      return EC_P256;
    }
    if (curve.equals(P384)) {
      return EC_P384;
    }
    if (curve.equals(SM2P256)) {
      return SM2;
    }
    throw new AlgorithmMismatchException("unsupported elliptic curve");
  }

  /** A prime curve identified by its field, coefficients and group order. */
  private record CurveId(BigInteger p, BigInteger a, BigInteger b, BigInteger n) {
    static CurveId of(X9ECParameters x9) {
      return new CurveId(
          x9.getCurve().getField().getCharacteristic(),
          x9.getCurve().getA().toBigInteger(),
          x9.getCurve().getB().toBigInteger(),
          x9.getN());
    }

    static CurveId of(ECParameterSpec spec) {
      BigInteger p =
          spec.getCurve().getField() instanceof ECFieldFp fp ? fp.getP() : BigInteger.ZERO;
      return new CurveId(p, spec.getCurve().getA(), spec.getCurve().getB(), spec.getOrder());
    }
  }
}
