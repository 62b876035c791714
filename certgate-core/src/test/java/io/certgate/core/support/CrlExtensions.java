package io.certgate.core.support;

import io.certgate.testpki.TestCa;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.ReasonFlags;

/** The certificate and CRL extensions of the RFC 5280 §5 / §6.3.3 cases. */
public final class CrlExtensions {
  private CrlExtensions() {}

  public static DistributionPointName uri(String uri) {
    return new DistributionPointName(
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
  }

  /** A distribution point: its name, and (optional) the CRL issuer it sends to. */
  public static DistributionPoint point(String uri, X500Name crlIssuer) {
    return new DistributionPoint(
        uri == null ? null : uri(uri),
        null,
        crlIssuer == null ? null : new GeneralNames(new GeneralName(crlIssuer)));
  }

  public static Extension distributionPoints(DistributionPoint... points) {
    return TestCa.extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points));
  }

  /** issuingDistributionPoint: name (or null), kinds, reasons (0 = all), indirect. */
  public static Extension idp(
      String uri, boolean onlyUser, boolean onlyCa, int reasons, boolean indirect) {
    return TestCa.extension(
        Extension.issuingDistributionPoint,
        true,
        new IssuingDistributionPoint(
            uri == null ? null : uri(uri),
            onlyUser,
            onlyCa,
            reasons == 0 ? null : new ReasonFlags(reasons),
            indirect,
            false));
  }

  public static Extension crlNumber(long n) {
    return TestCa.extension(Extension.cRLNumber, false, new ASN1Integer(BigInteger.valueOf(n)));
  }

  public static Extension deltaOf(long base) {
    return TestCa.extension(
        Extension.deltaCRLIndicator, true, new ASN1Integer(BigInteger.valueOf(base)));
  }

  /** freshestCRL naming where deltas are: what makes OpenSSL's -use_deltas look for them. */
  public static Extension freshest(String uri) {
    return TestCa.extension(
        Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {point(uri, null)}));
  }

  public static Extension keyUsage(int bits) {
    return TestCa.extension(Extension.keyUsage, true, new KeyUsage(bits));
  }

  public static Extension certificateIssuer(X500Name name) {
    return TestCa.extension(
        Extension.certificateIssuer, true, new GeneralNames(new GeneralName(name)));
  }
}
