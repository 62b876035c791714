package io.certgate.core.cert;

import io.certgate.core.PathRuleException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The {@link ProfileRule}s over every certificate of a path. A rule the provider relaxed does not
 * refuse; the rules that only passed because they were relaxed are returned, for the audit.
 */
final class ProfileCheck {
  private static final int KEY_CERT_SIGN = 5;
  private static final int MAX_SERIAL_OCTETS = 20;

  private ProfileCheck() {}

  static Set<ProfileRule> check(List<X509Certificate> path, Set<ProfileRule> relaxed)
      throws PathRuleException {
    Set<ProfileRule> used = EnumSet.noneOf(ProfileRule.class);
    for (int i = 0; i < path.size(); i++) {
      X509Certificate certificate = path.get(i);
      for (ProfileRule broken : broken(certificate, i == path.size() - 1)) {
        if (!relaxed.contains(broken)) {
          throw new PathRuleException(
              "certificate profile rule "
                  + broken
                  + " (RFC 5280 §4) broken by "
                  + certificate.getSubjectX500Principal().getName());
        }
        used.add(broken);
      }
    }
    return used;
  }

  /**
   * @param anchor whether {@code c} is the path's trust anchor: the only self-signed certificate a
   *     path holds, and the only one that may omit its authorityKeyIdentifier (§4.2.1.1)
   */
  static Set<ProfileRule> broken(X509Certificate c, boolean anchor) {
    Set<ProfileRule> broken = EnumSet.noneOf(ProfileRule.class);
    boolean ca = c.getBasicConstraints() >= 0;
    Set<String> critical =
        c.getCriticalExtensionOIDs() == null ? Set.of() : c.getCriticalExtensionOIDs();
    byte[] serial = c.getSerialNumber().toByteArray();
    if (c.getSerialNumber().signum() <= 0 || serial.length > MAX_SERIAL_OCTETS) {
      broken.add(ProfileRule.SERIAL_NUMBER);
    }
    if ((!anchor && !hasAuthorityKeyId(c))
        || critical.contains(Extension.authorityKeyIdentifier.getId())) {
      broken.add(ProfileRule.AUTHORITY_KEY_ID);
    }
    boolean hasSki = c.getExtensionValue(Extension.subjectKeyIdentifier.getId()) != null;
    if ((ca && !hasSki) || critical.contains(Extension.subjectKeyIdentifier.getId())) {
      broken.add(ProfileRule.SUBJECT_KEY_ID);
    }
    if (ca && !critical.contains(Extension.basicConstraints.getId())) {
      broken.add(ProfileRule.CA_BASIC_CONSTRAINTS_CRITICAL);
    }
    boolean[] keyUsage = c.getKeyUsage();
    boolean keyCertSign =
        keyUsage != null && keyUsage.length > KEY_CERT_SIGN && keyUsage[KEY_CERT_SIGN];
    if (ca && !keyCertSign) {
      broken.add(ProfileRule.CA_KEY_USAGE);
    }
    if (!ca && (keyCertSign || hasPathLength(c))) {
      broken.add(ProfileRule.CA_ONLY_EXTENSIONS);
    }
    if (c.getSubjectX500Principal().getEncoded().length <= 2
        && !critical.contains(Extension.subjectAlternativeName.getId())) {
      broken.add(ProfileRule.EMPTY_SUBJECT_ALT_NAME);
    }
    return broken;
  }

  private static boolean hasAuthorityKeyId(X509Certificate c) {
    byte[] value = c.getExtensionValue(Extension.authorityKeyIdentifier.getId());
    if (value == null) {
      return false;
    }
    try {
      return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets())
              .getKeyIdentifier()
          != null;
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  private static boolean hasPathLength(X509Certificate c) {
    byte[] value = c.getExtensionValue(Extension.basicConstraints.getId());
    if (value == null) {
      return false;
    }
    try {
      return org.bouncycastle.asn1.x509.BasicConstraints.getInstance(
                  ASN1OctetString.getInstance(value).getOctets())
              .getPathLenConstraint()
          != null;
    } catch (RuntimeException malformed) {
      return false;
    }
  }
}
