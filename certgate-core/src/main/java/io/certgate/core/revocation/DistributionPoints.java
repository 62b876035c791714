package io.certgate.core.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** HTTP URLs a certificate names for its CRL (cRLDistributionPoints) and OCSP responder (AIA). */
final class DistributionPoints {
  private DistributionPoints() {}

  static List<URI> of(X509Certificate certificate) {
    List<URI> urls = new ArrayList<>();
    try {
      byte[] ext = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
      if (ext == null) {
        return urls;
      }
      CRLDistPoint points = CRLDistPoint.getInstance(unwrap(ext));
      for (DistributionPoint point : points.getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        if (point.getCRLIssuer() == null
            && name != null
            && name.getType() == DistributionPointName.FULL_NAME) {
          addHttp(GeneralNames.getInstance(name.getName()).getNames(), urls);
        }
      }
    } catch (RuntimeException malformedExtension) {
      // An unreadable extension names no URL; the policy then decides.
    }
    return urls;
  }

  static List<URI> ocsp(X509Certificate certificate) {
    List<URI> urls = new ArrayList<>();
    try {
      byte[] ext = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
      if (ext == null) {
        return urls;
      }
      for (AccessDescription d :
          AuthorityInformationAccess.getInstance(unwrap(ext)).getAccessDescriptions()) {
        if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
          addHttp(new GeneralName[] {d.getAccessLocation()}, urls);
        }
      }
    } catch (RuntimeException malformedExtension) {
      // as above
    }
    return urls;
  }

  private static ASN1Primitive unwrap(byte[] extensionValue) {
    try {
      return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extensionValue).getOctets());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void addHttp(GeneralName[] names, List<URI> urls) {
    for (GeneralName name : names) {
      if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
        String text = ASN1IA5String.getInstance(name.getName()).getString();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
          try {
            urls.add(URI.create(text));
          } catch (IllegalArgumentException ignored) {
            // not a usable URL
          }
        }
      }
    }
  }
}
