package io.certgate.testpki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** One CA: its certificate and key, what it has revoked, and the CRLs it signs. */
final class CertificateAuthority {
  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final KeyKind kind;
  private final SecureRandom random;
  private final Map<BigInteger, Instant> revoked = new ConcurrentSkipListMap<>();
  private final AtomicLong crlNumber = new AtomicLong();

  private CertificateAuthority(
      X509Certificate certificate, PrivateKey privateKey, KeyKind kind, SecureRandom random) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.kind = kind;
    this.random = random;
  }

  static CertificateAuthority root(
      X500Name name, KeyKind kind, Instant notBefore, Instant notAfter, SecureRandom random) {
    KeyPair keys = kind.generate(random);
    X509v3CertificateBuilder builder =
        builder(name, name, keys.getPublic(), notBefore, notAfter, random);
    addCaExtensions(builder, keys.getPublic(), Optional.empty(), Optional.empty());
    X509Certificate cert = Bc.certificate(builder.build(Bc.signer(kind, keys.getPrivate())));
    return new CertificateAuthority(cert, keys.getPrivate(), kind, random);
  }

  /** Issues a subordinate CA (path length 0) whose certificate carries {@code extensions}. */
  CertificateAuthority subordinate(
      X500Name name, Instant notBefore, Instant notAfter, List<Extension> extensions) {
    KeyPair keys = kind.generate(random);
    X509v3CertificateBuilder builder =
        builder(subject(), name, keys.getPublic(), notBefore, notAfter, random);
    addCaExtensions(builder, keys.getPublic(), Optional.of(0), Optional.of(certificate));
    X509Certificate cert = sign(builder, extensions);
    return new CertificateAuthority(cert, keys.getPrivate(), kind, random);
  }

  /** Issues an end-entity certificate; the caller supplies every extension except SKI/AKI. */
  X509Certificate issue(
      X500Name subject,
      PublicKey publicKey,
      Instant notBefore,
      Instant notAfter,
      List<Extension> extensions) {
    X509v3CertificateBuilder builder =
        builder(subject(), subject, publicKey, notBefore, notAfter, random);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
    } catch (CertIOException
        | java.security.NoSuchAlgorithmException
        | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    return sign(builder, extensions);
  }

  void revoke(BigInteger serial, Instant when) {
    revoked.put(serial, when);
  }

  Optional<Instant> revocationTime(BigInteger serial) {
    return Optional.ofNullable(revoked.get(serial));
  }

  /** A CRL listing everything revoked so far, with the next CRL number. */
  X509CRL crl(Instant thisUpdate, Instant nextUpdate) {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(subject(), Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(nextUpdate));
    revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), 0));
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      builder.addExtension(
          Extension.cRLNumber,
          false,
          new org.bouncycastle.asn1.x509.CRLNumber(
              BigInteger.valueOf(crlNumber.incrementAndGet())));
    } catch (CertIOException
        | java.security.NoSuchAlgorithmException
        | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    return Bc.crl(builder.build(Bc.signer(kind, privateKey)));
  }

  X509Certificate certificate() {
    return certificate;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  KeyKind kind() {
    return kind;
  }

  X500Name subject() {
    try {
      return new JcaX509CertificateHolder(certificate).getSubject();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, List<Extension> extensions) {
    try {
      for (Extension extension : extensions) {
        builder.addExtension(extension);
      }
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
    return Bc.certificate(builder.build(Bc.signer(kind, privateKey)));
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer,
      X500Name subject,
      PublicKey key,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    return new JcaX509v3CertificateBuilder(
        issuer, serial(random), Date.from(notBefore), Date.from(notAfter), subject, key);
  }

  static BigInteger serial(SecureRandom random) {
    // 63 random bits with the top one set: always positive, always 8 bytes in DER.
    return new BigInteger(63, random).setBit(62);
  }

  private static void addCaExtensions(
      X509v3CertificateBuilder builder,
      PublicKey key,
      Optional<Integer> pathLength,
      Optional<X509Certificate> issuer) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.basicConstraints,
          true,
          pathLength.map(BasicConstraints::new).orElseGet(() -> new BasicConstraints(true)));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      if (issuer.isPresent()) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            utils.createAuthorityKeyIdentifier(issuer.get()));
      }
    } catch (CertIOException
        | java.security.NoSuchAlgorithmException
        | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
