package io.certgate.core.revocation;

import io.certgate.core.revocation.Der.MalformedDerException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/** Turns downloaded bytes into an indexed CRL, or refuses them. */
final class CrlLoader {

  /** A CRL with the encoded public key that verified its signature. */
  record Loaded(Crl crl, byte[] issuerKey) {}

  private CrlLoader() {}

  /**
   * Parses {@code bytes}, checks the signature against the known CA certificate named as issuer,
   * and indexes the entries.
   */
  static Loaded load(byte[] bytes, List<X509Certificate> issuers) throws RejectedCrlException {
    try {
      CrlParser.Envelope envelope = CrlParser.open(bytes);
      for (X509Certificate issuer : issuers) {
        X500Name subject = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        if (subject.equals(envelope.issuer()) && envelope.signedBy(issuer.getPublicKey())) {
          return new Loaded(envelope.index(), issuer.getPublicKey().getEncoded());
        }
      }
      throw new RejectedCrlException("no known CA signed this CRL of " + envelope.issuer());
    } catch (MalformedDerException e) {
      throw new RejectedCrlException("malformed CRL: " + e.getMessage());
    }
  }

  /** The bytes are not an acceptable CRL. */
  static final class RejectedCrlException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedCrlException(String message) {
      super(message);
    }
  }
}
