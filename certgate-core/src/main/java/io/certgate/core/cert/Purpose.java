package io.certgate.core.cert;

import io.certgate.core.CertGateException;
import java.security.cert.X509Certificate;

/**
 * What a certificate is being validated for, and the one rule of which certificate may sign a
 * login. The validator applies it as DESIGN §8 step 5; a client that filters the certificates it
 * offers asks {@link #permits(X509Certificate)}, so it never offers one the server would refuse.
 */
public enum Purpose {
  /**
   * Logging in or binding: key usage must include digitalSignature, and an extended key usage, if
   * present, must allow clientAuth or anyExtendedKeyUsage (DESIGN §8 step 5).
   */
  LOGIN,
  /**
   * Path and revocation only; the key-usage check is skipped (the checker's {@code --purpose any}).
   */
  ANY;

  /**
   * Whether the certificate's key usage and extended key usage allow this purpose: the same check
   * the validator makes at step 5, without path, validity or revocation. A certificate whose
   * extensions do not decode is not permitted.
   */
  public boolean permits(X509Certificate certificate) {
    try {
      PurposeCheck.check(certificate, this);
      return true;
    } catch (CertGateException e) {
      return false;
    }
  }
}
