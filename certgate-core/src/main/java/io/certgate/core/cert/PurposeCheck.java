package io.certgate.core.cert;

import io.certgate.core.CertMalformedException;
import io.certgate.core.NotSignatureCertException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * DESIGN §8 step 5: only a signature certificate may log in. USB keys usually hold a pair, and the
 * encryption certificate of the pair (keyEncipherment or keyAgreement only) must not pass for the
 * signature one.
 */
final class PurposeCheck {
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_CERT_SIGN = 5;
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

  private PurposeCheck() {}

  static void check(X509Certificate certificate, Purpose purpose)
      throws NotSignatureCertException, CertMalformedException {
    if (purpose == Purpose.ANY) {
      return;
    }
    boolean[] keyUsage = certificate.getKeyUsage();
    if (certificate.getBasicConstraints() >= 0
        || (keyUsage != null && keyUsage.length > KEY_CERT_SIGN && keyUsage[KEY_CERT_SIGN])) {
      // A CA's key signs certificates; a login by it would let a CA pass for a person.
      throw new NotSignatureCertException("a CA certificate is not a login certificate");
    }
    if (keyUsage == null) {
      throw new NotSignatureCertException("certificate has no key usage");
    }
    if (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE]) {
      throw new NotSignatureCertException(
          "key usage lacks digitalSignature (an encryption certificate?)");
    }
    List<String> extendedKeyUsage;
    try {
      extendedKeyUsage = certificate.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new CertMalformedException("extended key usage does not decode", e);
    }
    if (extendedKeyUsage != null
        && !extendedKeyUsage.contains(CLIENT_AUTH)
        && !extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
      throw new NotSignatureCertException(
          "extended key usage allows neither clientAuth nor anyExtendedKeyUsage");
    }
  }
}
