package io.certgate.core.cert;

/** What a certificate is being validated for. */
public enum Purpose {
  /**
   * Logging in or binding: key usage must include digitalSignature, and an extended key usage, if
   * present, must allow clientAuth or anyExtendedKeyUsage (DESIGN §8 step 5).
   */
  LOGIN,
  /**
   * Path and revocation only; the key-usage check is skipped (the checker's {@code --purpose any}).
   */
  ANY
}
