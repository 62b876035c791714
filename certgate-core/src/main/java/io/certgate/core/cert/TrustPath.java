package io.certgate.core.cert;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DESIGN §8 step 6, second half: a certification path from a certificate to one provider's roots,
 * built by Bouncy Castle's PKIX builder (so SM2 signatures verify). Revocation is switched off in
 * PKIX itself: {@link RevocationCheck} does it with its own sources and policy.
 */
final class TrustPath {
  private static final int MAX_PATH_LENGTH = 6;

  private final Set<TrustAnchor> roots;
  private final List<X509Certificate> intermediates;

  TrustPath(List<X509Certificate> anchors) {
    this.roots =
        anchors.stream()
            .filter(Anchors::selfSigned)
            .map(TrustPath::anchor)
            .collect(Collectors.toUnmodifiableSet());
    this.intermediates = anchors.stream().filter(a -> !Anchors.selfSigned(a)).toList();
  }

  /**
   * The root as a trust anchor with its own name constraints (which PKIX otherwise skips); {@link
   * AnchorNameConstraints} checks them again on the built path, whatever the builder made of them.
   */
  private static TrustAnchor anchor(X509Certificate root) {
    byte[] value =
        root.getExtensionValue(org.bouncycastle.asn1.x509.Extension.nameConstraints.getId());
    if (value != null) {
      try {
        byte[] constraints = org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets();
        return new TrustAnchor(root, constraints);
      } catch (RuntimeException unreadable) {
        // refused by AnchorNameConstraints on every path below this root
      }
    }
    return new TrustAnchor(root, null);
  }

  /**
   * The path from {@code certificate} to a root, end certificate first and the root last, checked
   * as PKIX would at {@code at}; empty when there is none.
   */
  Optional<List<X509Certificate>> build(
      X509Certificate certificate, List<X509Certificate> chain, Instant at) {
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      parameters.setMaxPathLength(MAX_PATH_LENGTH);
      List<X509Certificate> pool = new ArrayList<>(intermediates);
      pool.addAll(chain);
      pool.add(certificate);
      parameters.addCertStore(
          CertStore.getInstance(
              "Collection", new CollectionCertStoreParameters(pool), Certificates.BC));
      PKIXCertPathBuilderResult result =
          (PKIXCertPathBuilderResult)
              CertPathBuilder.getInstance("PKIX", Certificates.BC).build(parameters);
      List<X509Certificate> path = new ArrayList<>();
      result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
      path.add(result.getTrustAnchor().getTrustedCert());
      return Optional.of(List.copyOf(path));
    } catch (java.security.GeneralSecurityException | RuntimeException noPath) {
      return Optional.empty();
    }
  }
}
