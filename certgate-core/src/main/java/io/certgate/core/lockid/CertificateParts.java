package io.certgate.core.lockid;

import io.certgate.core.CertMalformedException;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;

/** Reads parts of a certificate from its DER, independent of which JCA provider parsed it. */
final class CertificateParts {
  private CertificateParts() {}

  static byte[] subjectPublicKeyInfo(X509Certificate certificate) throws CertMalformedException {
    try {
      return Certificate.getInstance(certificate.getEncoded())
          .getSubjectPublicKeyInfo()
          .getEncoded(ASN1Encoding.DER);
    } catch (CertificateEncodingException | IOException | IllegalArgumentException e) {
      throw new CertMalformedException("the certificate's public key info does not decode", e);
    }
  }
}
