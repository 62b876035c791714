package io.certgate.core.revocation;

import io.certgate.core.revocation.Der.MalformedDerException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/** Turns downloaded bytes into an indexed CRL, or refuses them. */
final class CrlLoader {

  /** A CRL with the encoded public key that verified its signature. */
  record Loaded(Crl crl, byte[] issuerKey) {}

  private static final int CRL_SIGN = 6;

  private CrlLoader() {}

  /**
   * Parses {@code bytes}, checks the signature against a known CA certificate named as issuer whose
   * key is certified for cRLSign (RFC 5280 §6.3.3 (f)), and indexes the entries. Several known
   * certificates may carry the issuer's name: after a key rollover, or a separate CRL-signing key
   * of the same CA; any of them that verifies the signature and may sign CRLs will do.
   */
  static Loaded load(byte[] bytes, List<X509Certificate> issuers) throws RejectedCrlException {
    try {
      CrlParser.Envelope envelope = CrlParser.open(bytes);
      for (X509Certificate issuer : issuers) {
        X500Name subject = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        if (subject.equals(envelope.issuer())
            && maySignCrls(issuer)
            && envelope.signedBy(issuer.getPublicKey())) {
          return new Loaded(envelope.index(), issuer.getPublicKey().getEncoded());
        }
      }
      throw new RejectedCrlException(
          "no known CA certified for cRLSign signed this CRL of " + envelope.issuer());
    } catch (MalformedDerException e) {
      throw new RejectedCrlException("malformed CRL: " + e.getMessage());
    }
  }

  /** RFC 5280 §4.2.1.3: with a keyUsage extension, only a key with cRLSign signs CRLs. */
  static boolean maySignCrls(X509Certificate issuer) {
    boolean[] keyUsage = issuer.getKeyUsage();
    return keyUsage == null || (keyUsage.length > CRL_SIGN && keyUsage[CRL_SIGN]);
  }

  /** The bytes are not an acceptable CRL. */
  static final class RejectedCrlException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedCrlException(String message) {
      super(message);
    }
  }
}
