package io.certgate.core.revocation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;

/**
 * What a CRL speaks for, from its issuingDistributionPoint, and RFC 5280 §6.3.3 (a)–(d): for which
 * reasons, if any, it covers a given certificate — its issuer (or, for an indirect CRL, the
 * cRLIssuer the certificate's distribution point names), the distribution point names, the kind of
 * certificate, and onlySomeReasons against the distribution point's reasons.
 */
final class CrlScope {
  /** Every reason of RFC 5280 §5.3.1 that ReasonFlags can name, except "unused". */
  static final int ALL_REASONS =
      ReasonFlags.keyCompromise
          | ReasonFlags.cACompromise
          | ReasonFlags.affiliationChanged
          | ReasonFlags.superseded
          | ReasonFlags.cessationOfOperation
          | ReasonFlags.certificateHold
          | ReasonFlags.privilegeWithdrawn
          | ReasonFlags.aACompromise;

  static final CrlScope COMPLETE = new CrlScope(Optional.empty(), List.of(), ALL_REASONS);

  private final Optional<IssuingDistributionPoint> idp;
  private final List<GeneralName> names;
  private final int reasons;

  private CrlScope(Optional<IssuingDistributionPoint> idp, List<GeneralName> names, int reasons) {
    this.idp = idp;
    this.names = names;
    this.reasons = reasons;
  }

  static CrlScope of(IssuingDistributionPoint idp, X500Name crlIssuer) {
    int reasons =
        idp.getOnlySomeReasons() == null ? ALL_REASONS : idp.getOnlySomeReasons().intValue();
    return new CrlScope(
        Optional.of(idp), names(idp.getDistributionPoint(), crlIssuer), reasons & ALL_REASONS);
  }

  boolean indirect() {
    return idp.map(IssuingDistributionPoint::isIndirectCRL).orElse(false);
  }

  /** Whether a delta CRL of this scope may update a base CRL of {@code other} (same IDP). */
  boolean sameAs(CrlScope other) {
    return Objects.equals(
        idp.map(IssuingDistributionPoint::toASN1Primitive),
        other.idp.map(IssuingDistributionPoint::toASN1Primitive));
  }

  /**
   * The reasons (ReasonFlags bits) for which a CRL of this scope, issued by {@code crlIssuer},
   * answers for {@code certificate}; 0 when it does not cover it at all.
   */
  int coveredReasons(X509Certificate certificate, IssuerName certIssuer, Crl crl) {
    X500Name crlIssuer = crl.issuer();
    boolean isCa = certificate.getBasicConstraints() >= 0;
    if (idp.isPresent()
        && (idp.get().onlyContainsAttributeCerts()
            || (idp.get().onlyContainsUserCerts() && isCa)
            || (idp.get().onlyContainsCACerts() && !isCa))) {
      return 0;
    }
    int covered = 0;
    for (DistributionPoint dp : pointsOf(certificate)) {
      Optional<List<GeneralName>> crlIssuers =
          Optional.ofNullable(dp.getCRLIssuer()).map(g -> List.of(g.getNames()));
      if (crlIssuers.isPresent()
          ? !indirect() || !crlIssuers.get().contains(directoryName(crlIssuer))
          : !certIssuer.matches(crlIssuer, crl.issuerDer())) {
        continue; // (a) the CRL's issuer is not the one this point sends to
      }
      if (!names.isEmpty() && !intersects(pointNames(dp, certIssuer.name()), names)) {
        continue; // (b)(2)(i) another distribution point's partition
      }
      int dpReasons = dp.getReasons() == null ? ALL_REASONS : dp.getReasons().intValue();
      covered |= reasons & dpReasons;
    }
    return covered;
  }

  /**
   * The certificate's distribution points; without the extension, one point with every reason and
   * the certificate's issuer as CRL issuer (RFC 5280 §6.3.3). An unreadable extension gives none,
   * so no CRL covers the certificate and its status stays unknown.
   */
  private static List<DistributionPoint> pointsOf(X509Certificate certificate) {
    byte[] ext = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
    if (ext == null) {
      return List.of(new DistributionPoint(null, null, null));
    }
    try {
      ASN1Primitive value =
          ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets());
      return List.of(CRLDistPoint.getInstance(value).getDistributionPoints());
    } catch (java.io.IOException | RuntimeException malformed) {
      return List.of();
    }
  }

  /** A point's names; with none, the names of its cRLIssuer (or the certificate's issuer). */
  private static List<GeneralName> pointNames(DistributionPoint dp, X500Name certIssuer) {
    X500Name base =
        dp.getCRLIssuer() == null ? certIssuer : firstDirectoryName(dp.getCRLIssuer(), certIssuer);
    if (dp.getDistributionPoint() != null) {
      return names(dp.getDistributionPoint(), base);
    }
    return dp.getCRLIssuer() == null
        ? List.of(directoryName(certIssuer))
        : List.of(dp.getCRLIssuer().getNames());
  }

  private static List<GeneralName> names(DistributionPointName name, X500Name relativeTo) {
    if (name == null) {
      return List.of();
    }
    if (name.getType() == DistributionPointName.FULL_NAME) {
      return List.of(GeneralNames.getInstance(name.getName()).getNames());
    }
    // nameRelativeToCRLIssuer: one RDN appended to the CRL issuer's name
    X500NameBuilder builder = new X500NameBuilder();
    for (RDN rdn : relativeTo.getRDNs()) {
      builder.addMultiValuedRDN(rdn.getTypesAndValues());
    }
    builder.addMultiValuedRDN(RDN.getInstance(name.getName()).getTypesAndValues());
    return List.of(directoryName(builder.build()));
  }

  private static X500Name firstDirectoryName(GeneralNames names, X500Name otherwise) {
    for (GeneralName n : names.getNames()) {
      if (n.getTagNo() == GeneralName.directoryName) {
        return X500Name.getInstance(n.getName());
      }
    }
    return otherwise;
  }

  private static boolean intersects(List<GeneralName> a, List<GeneralName> b) {
    List<GeneralName> copy = new ArrayList<>(a);
    copy.retainAll(b);
    return !copy.isEmpty();
  }

  static GeneralName directoryName(X500Name name) {
    return new GeneralName(name);
  }
}
