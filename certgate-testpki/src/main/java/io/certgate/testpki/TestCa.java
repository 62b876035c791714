package io.certgate.testpki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A CA for hand-made hierarchies: shared roots, sub-CAs no provider lists, name-constrained roots,
 * separate CRL signers, partitioned and delta CRLs. Every certificate gets sensible defaults
 * (basicConstraints, keyUsage, key identifiers); an extension passed by the caller replaces the
 * default of the same OID, so a test can make exactly the defect it names. Validity: the root's
 * window, inherited downwards.
 */
public final class TestCa {
  private final X500Name name;
  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final KeyKind kind;
  private final List<X509Certificate> issuers;
  private final Instant notBefore;
  private final Instant notAfter;
  private final SecureRandom random;

  private TestCa(
      X500Name name,
      X509Certificate certificate,
      PrivateKey privateKey,
      KeyKind kind,
      List<X509Certificate> issuers,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    this.name = name;
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.kind = kind;
    this.issuers = List.copyOf(issuers);
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.random = random;
  }

  /** A self-signed root valid from a day before {@code now} for two years. */
  public static TestCa root(String dn, KeyKind kind, Instant now, Extension... extensions) {
    SecureRandom random = new SecureRandom();
    Instant from = now.minus(Duration.ofDays(1));
    Instant to = now.plus(Duration.ofDays(730));
    KeyPair keys = kind.generate(random);
    X500Name name = new X500Name(dn);
    Map<ASN1ObjectIdentifier, Extension> all = caDefaults(keys.getPublic(), null);
    put(all, extensions);
    X509Certificate cert =
        build(name, name, keys.getPublic(), from, to, all, kind, keys.getPrivate(), random);
    return new TestCa(name, cert, keys.getPrivate(), kind, List.of(), from, to, random);
  }

  /**
   * A CA whose certificate {@code certificate} (signed by {@code parent}) was made by hand, e.g.
   * with {@link #issueExactly}, so that it can go on issuing.
   */
  public static TestCa adopt(
      X509Certificate certificate, PrivateKey key, KeyKind kind, TestCa parent) {
    return new TestCa(
        X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
        certificate,
        key,
        kind,
        parent.chain(),
        parent.notBefore,
        parent.notAfter,
        parent.random);
  }

  /** A CA certificate issued by this CA, for a new key. */
  public TestCa subordinate(String dn, Extension... extensions) {
    return subordinate(dn, kind.generate(random), extensions);
  }

  /**
   * A CA certificate issued by this CA for {@code keys}: with this CA's own name and a new key it
   * is a key-rollover certificate (self-issued, RFC 5280 §3.2).
   */
  public TestCa subordinate(String dn, KeyPair keys, Extension... extensions) {
    X500Name subject = new X500Name(dn);
    Map<ASN1ObjectIdentifier, Extension> all = caDefaults(keys.getPublic(), certificate);
    put(all, extensions);
    X509Certificate cert = issue(subject, keys.getPublic(), all);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers);
    return new TestCa(subject, cert, keys.getPrivate(), kind, chain, notBefore, notAfter, random);
  }

  /** A signature certificate with the testpki lock-ID extension (rule {@link TestOids}). */
  public Credential user(String dn, String lockId, Extension... extensions) {
    KeyPair keys = kind.generate(random);
    Map<ASN1ObjectIdentifier, Extension> all = new LinkedHashMap<>();
    put(all, Extensions.endEntity(), Extensions.keyUsage(KeyUsage.digitalSignature));
    put(all, Extensions.lockId(lockId, false));
    put(all, keyIdentifiers(keys.getPublic(), certificate));
    put(all, extensions);
    X509Certificate cert = issue(new X500Name(dn), keys.getPublic(), all);
    return new Credential(cert, keys.getPrivate(), chain());
  }

  /** Signs exactly the extensions given (no defaults) over {@code subject} and {@code key}. */
  public X509Certificate issueExactly(X500Name subject, PublicKey key, List<Extension> extensions) {
    return issueExactly(subject, key, extensions, CertificateAuthority.serial(random));
  }

  /** As {@link #issueExactly(X500Name, PublicKey, List)}, with this serial number. */
  public X509Certificate issueExactly(
      X500Name subject, PublicKey key, List<Extension> extensions, BigInteger serial) {
    Map<ASN1ObjectIdentifier, Extension> all = new LinkedHashMap<>();
    put(all, extensions.toArray(Extension[]::new));
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name, serial, Date.from(notBefore), Date.from(notAfter), subject, key);
    try {
      for (Extension e : all.values()) {
        builder.addExtension(e);
      }
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
    return Bc.certificate(builder.build(Bc.signer(kind, privateKey)));
  }

  /** The default extensions of a signature certificate for {@code key}, to start a variant from. */
  public List<Extension> userExtensions(PublicKey key, String lockId) {
    Map<ASN1ObjectIdentifier, Extension> all = new LinkedHashMap<>();
    put(all, Extensions.endEntity(), Extensions.keyUsage(KeyUsage.digitalSignature));
    put(all, Extensions.lockId(lockId, false));
    put(all, keyIdentifiers(key, certificate));
    return new ArrayList<>(all.values());
  }

  /**
   * A CRL signed by this CA's key, naming this CA as issuer, with an authorityKeyIdentifier of this
   * CA's key.
   *
   * @param revoked serial → reason code (RFC 5280 §5.3.1), or -1 for no reason code
   * @param entryExtensions per serial, further entry extensions (e.g. certificateIssuer)
   */
  public X509CRL crl(
      Instant thisUpdate,
      Instant nextUpdate,
      Map<BigInteger, Integer> revoked,
      Map<BigInteger, List<Extension>> entryExtensions,
      Extension... crlExtensions) {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(nextUpdate));
    Date when = Date.from(thisUpdate.minus(Duration.ofMinutes(1)));
    revoked.forEach(
        (serial, reason) -> {
          org.bouncycastle.asn1.x509.ExtensionsGenerator g =
              new org.bouncycastle.asn1.x509.ExtensionsGenerator();
          try {
            if (reason >= 0) {
              g.addExtension(
                  Extension.reasonCode, false, org.bouncycastle.asn1.x509.CRLReason.lookup(reason));
            }
            for (Extension e : entryExtensions.getOrDefault(serial, List.of())) {
              g.addExtension(e);
            }
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          if (g.isEmpty()) {
            builder.addCRLEntry(serial, when, 0);
          } else {
            builder.addCRLEntry(serial, when, g.generate());
          }
        });
    try {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(publicKey()));
      for (Extension e : crlExtensions) {
        builder.addExtension(e);
      }
    } catch (CertIOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return Bc.crl(builder.build(Bc.signer(kind, privateKey)));
  }

  /** A DER extension value for {@link #root}, {@link #subordinate} and {@link #user}. */
  public static Extension extension(
      ASN1ObjectIdentifier oid, boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
    return Extensions.extension(oid, critical, value);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }

  public X500Name name() {
    return name;
  }

  /** This CA's certificate followed by its issuers up to the root. */
  public List<X509Certificate> chain() {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers);
    return List.copyOf(chain);
  }

  /** A fresh key pair of this CA's kind. */
  public KeyPair newKeys() {
    return kind.generate(random);
  }

  private X509Certificate issue(
      X500Name subject, PublicKey key, Map<ASN1ObjectIdentifier, Extension> extensions) {
    return build(name, subject, key, notBefore, notAfter, extensions, kind, privateKey, random);
  }

  private static X509Certificate build(
      X500Name issuer,
      X500Name subject,
      PublicKey key,
      Instant from,
      Instant to,
      Map<ASN1ObjectIdentifier, Extension> extensions,
      KeyKind kind,
      PrivateKey signingKey,
      SecureRandom random) {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            CertificateAuthority.serial(random),
            Date.from(from),
            Date.from(to),
            subject,
            key);
    try {
      for (Extension e : extensions.values()) {
        builder.addExtension(e);
      }
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
    return Bc.certificate(builder.build(Bc.signer(kind, signingKey)));
  }

  private static Map<ASN1ObjectIdentifier, Extension> caDefaults(
      PublicKey key, X509Certificate issuer) {
    Map<ASN1ObjectIdentifier, Extension> all = new LinkedHashMap<>();
    put(
        all,
        Extensions.extension(Extension.basicConstraints, true, new BasicConstraints(true)),
        Extensions.keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    put(all, keyIdentifiers(key, issuer));
    return all;
  }

  private static Extension[] keyIdentifiers(PublicKey key, X509Certificate issuer) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      Extension ski =
          Extensions.extension(
              Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      if (issuer == null) {
        return new Extension[] {ski};
      }
      Extension aki =
          Extensions.extension(
              Extension.authorityKeyIdentifier,
              false,
              utils.createAuthorityKeyIdentifier(issuer.getPublicKey()));
      return new Extension[] {ski, aki};
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(Map<ASN1ObjectIdentifier, Extension> all, Extension... extensions) {
    for (Extension e : extensions) {
      all.put(e.getExtnId(), e);
    }
  }
}
