package io.certgate.core.lockid;

import io.certgate.core.CertMalformedException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** {@code SUBJECT_ATTRIBUTE:<oid>}: the first subject attribute of that type, as text. */
record SubjectAttributeRule(ASN1ObjectIdentifier oid) implements LockIdRule {

  @Override
  public String extract(X509Certificate certificate) throws CertMalformedException {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    for (RDN rdn : subject.getRDNs()) {
      // An RDN may be multi-valued (e.g. CN+SERIALNUMBER), so look at each type-and-value.
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        if (attribute.getType().equals(oid)) {
          return AsnText.of(attribute.getValue())
              .orElseThrow(() -> missing("is empty or not a string"));
        }
      }
    }
    throw missing("is not in the subject DN");
  }

  private CertMalformedException missing(String why) {
    return new CertMalformedException("the lock-ID subject attribute " + oid.getId() + " " + why);
  }

  @Override
  public String toString() {
    return "SUBJECT_ATTRIBUTE:" + oid.getId();
  }
}
