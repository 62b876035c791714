package io.certgate.core.revocation;

import io.certgate.core.revocation.Der.MalformedDerException;
import io.certgate.core.revocation.Der.Tlv;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Walks revokedCertificates in place into {@link CrlEntries}. Without per-entry reading (complete
 * direct CRLs, the million-entry case) no entry extension is decoded; with it, certificateIssuer
 * switches the issuer the following entries belong to (indirect CRLs, RFC 5280 §5.3.3) and reason
 * removeFromCRL marks a serial a delta CRL takes off its base.
 */
final class CrlEntryWalker {
  private CrlEntryWalker() {}

  static CrlEntries none(X500Name issuer) {
    return new CrlEntries(Map.of(issuer, new SerialIndex.Builder().build()), Map.of());
  }

  static CrlEntries walk(byte[] data, Tlv list, X500Name crlIssuer, boolean perEntry)
      throws MalformedDerException {
    Map<X500Name, SerialIndex.Builder> revoked = new HashMap<>();
    Map<X500Name, SerialIndex.Builder> removed = new HashMap<>();
    X500Name current = crlIssuer;
    revoked.put(current, new SerialIndex.Builder());
    for (int p = list.valueStart(); p < list.end(); ) {
      Tlv entry = Der.expect(data, p, list.end(), Der.SEQUENCE);
      Tlv serial = Der.expect(data, entry.valueStart(), entry.end(), Der.INTEGER);
      if (serial.valueLength() == 0) {
        throw new MalformedDerException("empty serial number at " + p);
      }
      boolean remove = false;
      if (perEntry) {
        Tlv date = Der.read(data, serial.end(), entry.end());
        if (date.end() < entry.end()) {
          Extensions exts = extensions(data, Der.read(data, date.end(), entry.end()));
          current = issuerOf(exts).orElse(current);
          remove = removesFromCrl(exts);
        }
      }
      (remove ? removed : revoked)
          .computeIfAbsent(current, k -> new SerialIndex.Builder())
          .add(data, serial.valueStart(), serial.end());
      p = entry.end();
    }
    return new CrlEntries(build(revoked), build(removed));
  }

  private static Extensions extensions(byte[] data, Tlv tlv) throws MalformedDerException {
    try {
      Extensions exts = Extensions.getInstance(ASN1Primitive.fromByteArray(tlv.encoded(data)));
      for (var oid : exts.getCriticalExtensionOIDs()) {
        if (!oid.equals(Extension.certificateIssuer)) {
          throw new MalformedDerException("unsupported critical CRL entry extension " + oid);
        }
      }
      return exts;
    } catch (IOException | RuntimeException e) {
      throw new MalformedDerException("bad CRL entry extensions at " + tlv.start());
    }
  }

  private static java.util.Optional<X500Name> issuerOf(Extensions exts) {
    Extension ext = exts.getExtension(Extension.certificateIssuer);
    if (ext == null) {
      return java.util.Optional.empty();
    }
    for (GeneralName name : GeneralNames.getInstance(ext.getParsedValue()).getNames()) {
      if (name.getTagNo() == GeneralName.directoryName) {
        return java.util.Optional.of(X500Name.getInstance(name.getName()));
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean removesFromCrl(Extensions exts) {
    Extension ext = exts.getExtension(Extension.reasonCode);
    return ext != null
        && CRLReason.getInstance(ext.getParsedValue()).getValue().intValue()
            == CRLReason.removeFromCRL;
  }

  private static Map<X500Name, SerialIndex> build(Map<X500Name, SerialIndex.Builder> builders) {
    Map<X500Name, SerialIndex> built = new HashMap<>();
    builders.forEach((issuer, builder) -> built.put(issuer, builder.build()));
    return Map.copyOf(built);
  }
}
