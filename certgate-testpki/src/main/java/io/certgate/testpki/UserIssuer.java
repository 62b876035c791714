package io.certgate.testpki;

import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Issues user dual certificates per {@link UserSpec}, from a provider's issuing CA. */
final class UserIssuer {
  static final Duration USER_VALIDITY = Duration.ofDays(365);

  private final CertificateAuthority issuing;
  private final List<X509Certificate> issuers;
  private final Extensions common;
  private final SecureRandom random;

  UserIssuer(
      CertificateAuthority issuing,
      List<X509Certificate> issuers,
      Optional<URI> crlDistributionPoint,
      Optional<URI> ocspUrl,
      SecureRandom random) {
    this.issuing = issuing;
    this.issuers = List.copyOf(issuers);
    this.common = Extensions.revocationPointers(crlDistributionPoint, ocspUrl);
    this.random = random;
  }

  UserCredentials issue(UserSpec spec, Instant now, KeyKind defaultKind) {
    KeyKind kind = spec.keyKind().orElse(defaultKind);
    String lockId = spec.lockId().orElseGet(this::randomLockId);
    X500Name subject = subject(spec, lockId);
    Instant notBefore = notBefore(spec.variant(), now);
    Instant notAfter = notAfter(spec.variant(), now);

    List<Extension> signatureExtensions = new ArrayList<>(common.list());
    signatureExtensions.add(Extensions.endEntity());
    signatureExtensions.add(Extensions.lockId(lockId, spec.lockIdAsIa5String()));
    signatureExtensions.addAll(signatureUsage(spec, kind));
    KeyPair signatureKeys = kind.generate(random);
    X509Certificate signature =
        issuing.issue(subject, signatureKeys.getPublic(), notBefore, notAfter, signatureExtensions);

    List<Extension> encryptionExtensions = new ArrayList<>(common.list());
    encryptionExtensions.add(Extensions.endEntity());
    encryptionExtensions.add(Extensions.lockId(lockId, spec.lockIdAsIa5String()));
    encryptionExtensions.add(encryptionKeyUsage(kind));
    KeyPair encryptionKeys = kind.generate(random);
    X509Certificate encryption =
        issuing.issue(
            subject, encryptionKeys.getPublic(), notBefore, notAfter, encryptionExtensions);

    return new UserCredentials(
        lockId,
        new Credential(signature, signatureKeys.getPrivate(), issuers),
        new Credential(encryption, encryptionKeys.getPrivate(), issuers));
  }

  /** A delegated OCSP responder (RFC 6960 §4.2.2.2) of the issuing CA's key kind. */
  Credential issueOcspResponder(X500Name subject, Instant now) {
    KeyPair keys = issuing.kind().generate(random);
    X509Certificate cert =
        issuing.issue(
            subject,
            keys.getPublic(),
            now.minus(Duration.ofHours(1)),
            now.plus(USER_VALIDITY),
            List.of(
                Extensions.endEntity(),
                Extensions.keyUsage(KeyUsage.digitalSignature),
                Extensions.eku(KeyPurposeId.id_kp_OCSPSigning),
                Extensions.ocspNoCheck()));
    return new Credential(cert, keys.getPrivate(), issuers);
  }

  private List<Extension> signatureUsage(UserSpec spec, KeyKind kind) {
    int usage = KeyUsage.digitalSignature | (spec.nonRepudiation() ? KeyUsage.nonRepudiation : 0);
    List<Extension> extensions = new ArrayList<>();
    switch (spec.variant()) {
      case ENCRYPTION_ONLY -> extensions.add(encryptionKeyUsage(kind));
      case NO_KEY_USAGE -> clientAuth(spec).ifPresent(extensions::add);
      case NON_REPUDIATION_ONLY -> {
        extensions.add(Extensions.keyUsage(KeyUsage.nonRepudiation));
        clientAuth(spec).ifPresent(extensions::add);
      }
      case SERVER_AUTH_ONLY -> {
        extensions.add(Extensions.keyUsage(usage));
        extensions.add(Extensions.eku(KeyPurposeId.id_kp_serverAuth));
      }
      case WRONG_EKU -> {
        extensions.add(Extensions.keyUsage(usage));
        extensions.add(Extensions.eku(KeyPurposeId.id_kp_emailProtection));
      }
      default -> {
        extensions.add(Extensions.keyUsage(usage));
        clientAuth(spec).ifPresent(extensions::add);
      }
    }
    return extensions;
  }

  private static Optional<Extension> clientAuth(UserSpec spec) {
    return spec.clientAuth()
        ? Optional.of(Extensions.eku(KeyPurposeId.id_kp_clientAuth))
        : Optional.empty();
  }

  private static Extension encryptionKeyUsage(KeyKind kind) {
    return Extensions.keyUsage(
        kind.usesKeyAgreement() ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment);
  }

  private static X500Name subject(UserSpec spec, String lockId) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    name.addRDN(BCStyle.C, "CN");
    name.addRDN(BCStyle.O, spec.organisation());
    name.addRDN(BCStyle.CN, spec.commonName());
    if (spec.lockIdInSubject()) {
      name.addRDN(
          new ASN1ObjectIdentifier(TestOids.LOCK_ID_SUBJECT_ATTRIBUTE), new DERUTF8String(lockId));
    }
    return name.build();
  }

  private static Instant notBefore(UserSpec.Variant variant, Instant now) {
    return switch (variant) {
      case EXPIRED -> now.minus(Duration.ofDays(400));
      case NOT_YET_VALID -> now.plus(Duration.ofDays(1));
      default -> now.minus(Duration.ofHours(1));
    };
  }

  private static Instant notAfter(UserSpec.Variant variant, Instant now) {
    return switch (variant) {
      case EXPIRED -> now.minus(Duration.ofDays(1));
      case NOT_YET_VALID -> now.plus(Duration.ofDays(1)).plus(USER_VALIDITY);
      default -> now.plus(USER_VALIDITY);
    };
  }

  private String randomLockId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return "LOCK" + HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
