package io.certgate.core.lockid;

import io.certgate.core.CertMalformedException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;

/** {@code EXTENSION:<oid>}: the extension's value, unwrapped from its ASN.1 string type. */
record ExtensionRule(ASN1ObjectIdentifier oid) implements LockIdRule {

  @Override
  public String extract(X509Certificate certificate) throws CertMalformedException {
    byte[] wrapped = certificate.getExtensionValue(oid.getId());
    if (wrapped == null) {
      throw new CertMalformedException("the certificate has no lock-ID extension " + oid.getId());
    }
    byte[] extnValue;
    try {
      // getExtensionValue returns the DER OCTET STRING around extnValue, not extnValue itself.
      extnValue = ASN1OctetString.getInstance(wrapped).getOctets();
    } catch (IllegalArgumentException e) {
      throw new CertMalformedException("the lock-ID extension " + oid.getId() + " is not DER", e);
    }
    return AsnText.ofExtensionValue(extnValue)
        .orElseThrow(
            () ->
                new CertMalformedException(
                    "the lock-ID extension " + oid.getId() + " is empty or not a string"));
  }

  @Override
  public String toString() {
    return "EXTENSION:" + oid.getId();
  }
}
