package io.certgate.core.cert;

import io.certgate.core.CertExpiredException;
import io.certgate.core.CertNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** DESIGN §8 step 6, first half: every certificate on the path is within its validity now. */
final class ValidityCheck {
  private ValidityCheck() {}

  static void check(X509Certificate certificate, Instant now)
      throws CertExpiredException, CertNotYetValidException {
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      throw new CertExpiredException(
          "expired at " + certificate.getNotAfter().toInstant() + ": " + subject(certificate));
    }
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      throw new CertNotYetValidException(
          "not valid before "
              + certificate.getNotBefore().toInstant()
              + ": "
              + subject(certificate));
    }
  }

  static void checkAll(List<X509Certificate> path, Instant now)
      throws CertExpiredException, CertNotYetValidException {
    for (X509Certificate certificate : path) {
      check(certificate, now);
    }
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
