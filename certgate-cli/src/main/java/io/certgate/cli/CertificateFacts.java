package io.certgate.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.encoders.Hex;

/** The descriptive members of a report: who a certificate names, its serial and lifetime. */
final class CertificateFacts {
  private CertificateFacts() {}

  static Report describe(Report report, X509Certificate certificate) {
    return report
        .put("subject", name(certificate.getSubjectX500Principal()))
        .put("issuer", name(certificate.getIssuerX500Principal()))
        .put("serialNumber", certificate.getSerialNumber().toString(16))
        .put("notBefore", instant(certificate.getNotBefore()))
        .put("notAfter", instant(certificate.getNotAfter()))
        .put("keyAlgorithm", keyAlgorithm(certificate))
        .put("fingerprint", sha256(certificate));
  }

  /** The subjects from the certificate up to the trust anchor. */
  static List<String> subjects(List<X509Certificate> path) {
    List<String> subjects = new ArrayList<>();
    for (X509Certificate certificate : path) {
      subjects.add(name(certificate.getSubjectX500Principal()));
    }
    return subjects;
  }

  static String name(X500Principal principal) {
    return principal.getName(X500Principal.RFC2253);
  }

  private static String instant(java.util.Date date) {
    return DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
  }

  /** RSA, EC or SM2, as the local client's API names them (DESIGN §4). */
  static String keyAlgorithm(X509Certificate certificate) {
    AlgorithmIdentifier algorithm =
        SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()).getAlgorithm();
    if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      // SM2 keys are EC keys on the SM2 curve; the client API names them apart.
      return GMObjectIdentifiers.sm2p256v1.equals(algorithm.getParameters()) ? "SM2" : "EC";
    }
    if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return "RSA";
    }
    return algorithm.getAlgorithm().getId();
  }

  private static String sha256(X509Certificate certificate) {
    try {
      return Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate re-encodes", e);
    }
  }
}
