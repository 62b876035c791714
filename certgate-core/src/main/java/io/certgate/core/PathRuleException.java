package io.certgate.core;

/**
 * A certificate on the path breaks a rule of RFC 5280 §6 that the PKIX builder does not apply by
 * itself: the trust anchor's name constraints, an unknown critical extension (the anchor included),
 * or a certificate profile rule of §4 ({@link ErrorCode#CERT_UNTRUSTED}). The message names the
 * rule and the certificate.
 */
public final class PathRuleException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public PathRuleException(String message) {
    super(ErrorCode.CERT_UNTRUSTED, message);
  }
}
