package io.certgate.testpki;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Small factory of the X.509 extensions the test PKI uses. */
record Extensions(List<Extension> list) {

  static Extensions revocationPointers(Optional<URI> crl, Optional<URI> ocsp) {
    List<Extension> list = new ArrayList<>();
    crl.ifPresent(uri -> list.add(crlDistributionPoint(uri)));
    ocsp.ifPresent(uri -> list.add(ocsp(uri)));
    return new Extensions(List.copyOf(list));
  }

  static Extension crlDistributionPoint(URI uri) {
    GeneralName name = new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    DistributionPoint point =
        new DistributionPoint(new DistributionPointName(new GeneralNames(name)), null, null);
    return extension(
        Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
  }

  static Extension ocsp(URI uri) {
    AccessDescription access =
        new AccessDescription(
            AccessDescription.id_ad_ocsp,
            new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString()));
    return extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(access));
  }

  static Extension keyUsage(int bits) {
    return extension(Extension.keyUsage, true, new KeyUsage(bits));
  }

  static Extension eku(KeyPurposeId... purposes) {
    return extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
  }

  static Extension endEntity() {
    return extension(Extension.basicConstraints, true, new BasicConstraints(false));
  }

  static Extension lockId(String lockId, boolean ia5) {
    return extension(
        new ASN1ObjectIdentifier(TestOids.LOCK_ID_EXTENSION),
        false,
        ia5 ? new DERIA5String(lockId) : new DERUTF8String(lockId));
  }

  /**
   * id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): a delegated responder's own status is not checked.
   */
  static Extension ocspNoCheck() {
    return extension(
        new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1.5"),
        false,
        org.bouncycastle.asn1.DERNull.INSTANCE);
  }

  static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      return new Extension(oid, critical, value.toASN1Primitive().getEncoded());
    } catch (IOException e) {
      // Constant, well-formed values: an encoding failure is a bug here.
      throw new IllegalStateException("cannot encode an extension", e);
    }
  }
}
