package io.certgate.core.cert;

/**
 * The certificate profile rules of RFC 5280 §4 that OpenSSL's {@code -x509_strict} also makes,
 * checked on every certificate of a path. Each may be relaxed for one provider whose real CA
 * certificates break it ({@link ProviderTrust.Builder#relax}); a certificate let through by a
 * relaxed rule says so ({@link ValidatedCertificate#relaxed()}) so that the server audits it.
 */
public enum ProfileRule {
  /** §4.1.2.2: the serial number is positive and at most 20 octets long. */
  SERIAL_NUMBER,
  /**
   * §4.2.1.1: every certificate but the path's root names its issuer's key (keyIdentifier),
   * non-critical.
   */
  AUTHORITY_KEY_ID,
  /** §4.2.1.2: a CA certificate carries a subjectKeyIdentifier, non-critical. */
  SUBJECT_KEY_ID,
  /** §4.2.1.9: a CA certificate marks basicConstraints critical. */
  CA_BASIC_CONSTRAINTS_CRITICAL,
  /** §4.2.1.3: a CA certificate carries keyUsage with keyCertSign. */
  CA_KEY_USAGE,
  /** §4.2.1.3, §4.2.1.9: keyCertSign and a path length only in a CA certificate. */
  CA_ONLY_EXTENSIONS,
  /** §4.1.2.6, §4.2.1.6: an empty subject comes with a critical subjectAltName. */
  EMPTY_SUBJECT_ALT_NAME
}
