package io.certgate.testpki;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A test CA provider (CA服务商): a root CA and one issuing CA of one {@link KeyKind}, which issues
 * user dual certificates, records revocations and signs CRLs for both CAs.
 *
 * <p>Build one with {@link #builder()} or {@link #create}. The URLs given to the builder are put
 * into issued certificates: {@code crlDistributionPoint} and {@code ocspUrl} into user
 * certificates, {@code rootCrlDistributionPoint} and {@code ocspUrl} into the issuing CA's. Thread
 * safe.
 */
public final class TestProvider {
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final String code;
  private final String name;
  private final KeyKind keyKind;
  private final Clock clock;
  private final SecureRandom random;
  private final CertificateAuthority root;
  private final CertificateAuthority issuing;
  private final Optional<URI> crlDistributionPoint;
  private final Optional<URI> ocspUrl;
  private final UserIssuer users;

  private TestProvider(Builder b) {
    this.code = b.code;
    this.name = b.name.orElse(b.code);
    this.keyKind = b.keyKind;
    this.clock = b.clock;
    this.random = b.random;
    this.crlDistributionPoint = b.crlDistributionPoint;
    this.ocspUrl = b.ocspUrl;
    Hierarchy cas =
        Hierarchy.create(
            name, keyKind, clock.instant(), random, b.rootCrlDistributionPoint, b.ocspUrl);
    this.root = cas.root();
    this.issuing = cas.issuing();
    this.users =
        new UserIssuer(
            issuing,
            List.of(issuing.certificate(), root.certificate()),
            crlDistributionPoint,
            ocspUrl,
            random);
  }

  /** A provider with default settings and no revocation URLs, its clock fixed at {@code now}. */
  public static TestProvider create(String code, KeyKind keyKind, Instant now) {
    return builder().code(code).keyKind(keyKind).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /** A provider with default settings and no revocation URLs. */
  public static TestProvider create(String code, KeyKind keyKind, Clock clock) {
    return builder().code(code).keyKind(keyKind).clock(clock).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Issues a user's dual certificates per {@code spec}, valid relative to the clock's now. */
  public UserCredentials issueUser(UserSpec spec) {
    return users.issue(spec, clock.instant(), keyKind);
  }

  /** Issues a valid user with default settings. */
  public UserCredentials issueUser(String commonName) {
    return issueUser(UserSpec.of(commonName));
  }

  /**
   * Issues a delegated OCSP responder certificate (RFC 6960 §4.2.2.2): signed by the issuing CA,
   * EKU id-kp-OCSPSigning, with id-pkix-ocsp-nocheck, valid for a year.
   */
  public Credential issueOcspResponder() {
    return users.issueOcspResponder(Hierarchy.caName(name, "OCSP Responder"), clock.instant());
  }

  /**
   * Revokes the certificate with this serial at {@code when}. The issuing CA's serial is revoked on
   * the root's CRL; any other serial on the issuing CA's.
   */
  public void revoke(BigInteger serial, Instant when) {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(when, "when");
    authorityFor(serial).revoke(serial, when);
  }

  /** Revokes {@code certificate} now (by the provider's clock). */
  public void revoke(X509Certificate certificate) {
    revoke(certificate.getSerialNumber(), clock.instant());
  }

  /** When the certificate with this serial was revoked, if it was. */
  public Optional<Instant> revocationTime(BigInteger serial) {
    return authorityFor(serial).revocationTime(serial);
  }

  /** The issuing CA's CRL of everything revoked so far, with the next CRL number. */
  public X509CRL crl(Instant thisUpdate, Instant nextUpdate) {
    return issuing.crl(thisUpdate, nextUpdate);
  }

  /** The root CA's CRL (lists a revoked issuing CA), with the next CRL number. */
  public X509CRL rootCrl(Instant thisUpdate, Instant nextUpdate) {
    return root.crl(thisUpdate, nextUpdate);
  }

  /** Both CRLs, issuing CA first: what Bouncy Castle PKIX with revocation needs for the path. */
  public List<X509CRL> crls(Instant thisUpdate, Instant nextUpdate) {
    return List.of(crl(thisUpdate, nextUpdate), rootCrl(thisUpdate, nextUpdate));
  }

  /** Root then issuing CA: the provider's trust anchors as CertGate configures them. */
  public List<X509Certificate> anchors() {
    return List.of(root.certificate(), issuing.certificate());
  }

  /** {@link #anchors()} as one PEM bundle (root first), the format of the admin API. */
  public String anchorsPem() {
    return Pem.certificates(anchors());
  }

  public Credential root() {
    return new Credential(root.certificate(), root.privateKey(), List.of());
  }

  public Credential issuing() {
    return new Credential(issuing.certificate(), issuing.privateKey(), List.of(root.certificate()));
  }

  public X509Certificate rootCertificate() {
    return root.certificate();
  }

  public X509Certificate issuingCertificate() {
    return issuing.certificate();
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public KeyKind keyKind() {
    return keyKind;
  }

  public Clock clock() {
    return clock;
  }

  public Optional<URI> crlDistributionPoint() {
    return crlDistributionPoint;
  }

  public Optional<URI> ocspUrl() {
    return ocspUrl;
  }

  CertificateAuthority rootAuthority() {
    return root;
  }

  CertificateAuthority issuingAuthority() {
    return issuing;
  }

  private CertificateAuthority authorityFor(BigInteger serial) {
    return serial.equals(issuing.certificate().getSerialNumber()) ? root : issuing;
  }

  @Override
  public String toString() {
    return "TestProvider[" + code + ", " + keyKind + "]";
  }

  /** Builder for {@link TestProvider}; {@link #build()} validates and generates the CA keys. */
  public static final class Builder {
    private String code = "";
    private Optional<String> name = Optional.empty();
    private KeyKind keyKind = KeyKind.EC_P256;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private Optional<URI> crlDistributionPoint = Optional.empty();
    private Optional<URI> rootCrlDistributionPoint = Optional.empty();
    private Optional<URI> ocspUrl = Optional.empty();
    private Optional<CrlServer> crlServer = Optional.empty();
    private Optional<OcspResponder> ocspResponder = Optional.empty();

    private Builder() {}

    /** Provider code, lower-case letters, digits and '-', e.g. {@code demo-rsa}. Required. */
    public Builder code(String value) {
      this.code = Objects.requireNonNull(value, "code");
      return this;
    }

    /** Display name, used in the CA subjects; defaults to the code. */
    public Builder name(String value) {
      this.name = Optional.of(value);
      return this;
    }

    /** Key kind of both CAs (and the default for users); defaults to EC_P256. */
    public Builder keyKind(KeyKind value) {
      this.keyKind = Objects.requireNonNull(value, "keyKind");
      return this;
    }

    /** Source of "now" for validity periods and revocation; defaults to the system UTC clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** A fixed "now". */
    public Builder at(Instant now) {
      return clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    public Builder random(SecureRandom value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /** CRL distribution point put into user certificates (the issuing CA's CRL). */
    public Builder crlDistributionPoint(URI value) {
      this.crlDistributionPoint = Optional.of(value);
      return this;
    }

    /** CRL distribution point put into the issuing CA's certificate (the root's CRL). */
    public Builder rootCrlDistributionPoint(URI value) {
      this.rootCrlDistributionPoint = Optional.of(value);
      return this;
    }

    /** OCSP URL (AIA id-ad-ocsp) put into user certificates and the issuing CA's certificate. */
    public Builder ocspUrl(URI value) {
      this.ocspUrl = Optional.of(value);
      return this;
    }

    /**
     * Embeds {@code server}'s two CRL URLs for this provider's code (replacing any set by hand)
     * and, on {@link #build()}, adds the provider to it.
     */
    public Builder crlServer(CrlServer server) {
      this.crlServer = Optional.of(server);
      return this;
    }

    /**
     * Embeds {@code responder}'s URL (replacing any set by hand) and, on {@link #build()}, adds the
     * provider to it, signed by the issuing CA. For a delegated responder call {@link
     * OcspResponder#add(TestProvider, Credential)} afterwards.
     */
    public Builder ocspResponder(OcspResponder responder) {
      this.ocspResponder = Optional.of(responder);
      return this;
    }

    public TestProvider build() {
      if (!CODE.matcher(code).matches()) {
        throw new IllegalStateException(
            "provider code must be 1-63 of [a-z0-9-], starting with a letter or digit: " + code);
      }
      if (name.isPresent() && name.get().isBlank()) {
        throw new IllegalStateException("provider name must not be blank");
      }
      for (Optional<URI> uri : List.of(crlDistributionPoint, rootCrlDistributionPoint, ocspUrl)) {
        if (uri.isPresent() && !uri.get().isAbsolute()) {
          throw new IllegalStateException("revocation URLs must be absolute: " + uri.get());
        }
      }
      crlServer.ifPresent(
          server -> {
            crlDistributionPoint = Optional.of(server.issuingCrlUrl(code));
            rootCrlDistributionPoint = Optional.of(server.rootCrlUrl(code));
          });
      ocspResponder.ifPresent(responder -> ocspUrl = Optional.of(responder.url()));
      TestProvider provider = new TestProvider(this);
      crlServer.ifPresent(server -> server.add(provider));
      ocspResponder.ifPresent(responder -> responder.add(provider));
      return provider;
    }
  }
}
