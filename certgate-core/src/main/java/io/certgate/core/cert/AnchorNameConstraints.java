package io.certgate.core.cert;

import io.certgate.core.PathRuleException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * The trust anchor's own name constraints (RFC 5280 §6.1.1 (b)–(c) with §6.1.3 (b)–(c)) over the
 * path below it: permitted and excluded DNS names, IP addresses, directory names, URIs and e-mail
 * addresses, the subject's emailAddress attributes included. PKIX builders take an anchor as
 * configuration and skip its extensions, so this is checked here; self-issued intermediates are
 * exempt, as §6.1.3 (b) says.
 */
final class AnchorNameConstraints {
  private AnchorNameConstraints() {}

  static void check(List<X509Certificate> path) throws PathRuleException {
    X509Certificate anchor = path.get(path.size() - 1);
    byte[] value = anchor.getExtensionValue(Extension.nameConstraints.getId());
    if (value == null) {
      return;
    }
    PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
    NameConstraints constraints = NameConstraints.getInstance(unwrap(value, anchor));
    if (constraints.getPermittedSubtrees() != null) {
      validator.intersectPermittedSubtree(constraints.getPermittedSubtrees());
    }
    if (constraints.getExcludedSubtrees() != null) {
      for (GeneralSubtree excluded : constraints.getExcludedSubtrees()) {
        validator.addExcludedSubtree(excluded);
      }
    }
    for (int i = path.size() - 2; i >= 0; i--) {
      X509Certificate certificate = path.get(i);
      boolean selfIssued =
          certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
      if (i == 0 || !selfIssued) {
        for (GeneralName name : names(certificate)) {
          try {
            validator.checkPermitted(name);
            validator.checkExcluded(name);
          } catch (NameConstraintValidatorException e) {
            throw new PathRuleException(
                "outside the name constraints of the root "
                    + anchor.getSubjectX500Principal().getName()
                    + ": "
                    + certificate.getSubjectX500Principal().getName()
                    + " ("
                    + e.getMessage()
                    + ")");
          }
        }
      }
    }
  }

  /** The subject (unless empty), its emailAddress attributes, and the subjectAltName entries. */
  private static List<GeneralName> names(X509Certificate certificate) throws PathRuleException {
    List<GeneralName> names = new ArrayList<>();
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    if (subject.getRDNs().length > 0) {
      names.add(new GeneralName(subject));
    }
    for (RDN rdn : subject.getRDNs(BCStyle.EmailAddress)) {
      for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
        if (value.getType().equals(BCStyle.EmailAddress)) {
          names.add(
              new GeneralName(
                  GeneralName.rfc822Name, DERIA5String.getInstance(value.getValue()).getString()));
        }
      }
    }
    byte[] san = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
    if (san != null) {
      names.addAll(List.of(GeneralNames.getInstance(unwrap(san, certificate)).getNames()));
    }
    return names;
  }

  private static ASN1Primitive unwrap(byte[] value, X509Certificate certificate)
      throws PathRuleException {
    try {
      return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets());
    } catch (IOException | RuntimeException e) {
      throw new PathRuleException(
          "unreadable name extension in " + certificate.getSubjectX500Principal().getName());
    }
  }
}
