package io.certgate.core.cert;

import io.certgate.core.PathRuleException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * RFC 5280 §4.2: a certificate with a critical extension the relying party does not process must be
 * refused, at every level of the path, the trust anchor included (PKIX builders skip the anchor's
 * extensions).
 */
final class CriticalExtensionsCheck {
  /** The extensions of RFC 5280 §4.2.1 that this validation (or BC's PKIX) processes. */
  private static final Set<String> PROCESSED =
      Set.of(
          "2.5.29.9", // subjectDirectoryAttributes
          "2.5.29.14", // subjectKeyIdentifier
          "2.5.29.15", // keyUsage
          "2.5.29.17", // subjectAltName
          "2.5.29.18", // issuerAltName
          "2.5.29.19", // basicConstraints
          "2.5.29.30", // nameConstraints
          "2.5.29.31", // cRLDistributionPoints
          "2.5.29.32", // certificatePolicies
          "2.5.29.33", // policyMappings
          "2.5.29.35", // authorityKeyIdentifier
          "2.5.29.36", // policyConstraints
          "2.5.29.37", // extKeyUsage
          "2.5.29.46", // freshestCRL
          "2.5.29.54"); // inhibitAnyPolicy

  private CriticalExtensionsCheck() {}

  static void check(List<X509Certificate> path) throws PathRuleException {
    for (X509Certificate certificate : path) {
      Set<String> critical = certificate.getCriticalExtensionOIDs();
      if (critical == null) {
        continue;
      }
      for (String oid : critical) {
        if (!PROCESSED.contains(oid)) {
          throw new PathRuleException(
              "unknown critical extension "
                  + oid
                  + " in "
                  + certificate.getSubjectX500Principal().getName());
        }
      }
    }
  }
}
