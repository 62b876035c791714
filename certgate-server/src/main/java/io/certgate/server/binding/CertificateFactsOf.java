package io.certgate.server.binding;

import io.certgate.core.auth.ValidatedToken;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** What a binding keeps of a validated certificate. */
final class CertificateFactsOf {
  private CertificateFactsOf() {}

  static JdbcBindings.CertificateFacts of(ValidatedToken token) {
    X509Certificate c = token.certificate();
    try {
      return new JdbcBindings.CertificateFacts(
          token.lockId(),
          cut(commonName(c), 200),
          c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
          cut(c.getSubjectX500Principal().getName(), 1000),
          cut(c.getIssuerX500Principal().getName(), 1000),
          token.fingerprint(),
          Base64.getEncoder().encodeToString(c.getEncoded()),
          c.getNotAfter().toInstant().truncatedTo(ChronoUnit.MILLIS));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a validated certificate encodes", e);
    }
  }

  /** The subject CN, or the whole subject when it has none. */
  static String commonName(X509Certificate c) {
    X500Name name = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    RDN[] cn = name.getRDNs(BCStyle.CN);
    if (cn.length == 0) {
      return c.getSubjectX500Principal().getName();
    }
    return IETFUtils.valueToString(cn[0].getFirst().getValue());
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
