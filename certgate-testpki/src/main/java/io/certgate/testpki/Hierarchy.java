package io.certgate.testpki;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** A provider's two CAs, made together. */
record Hierarchy(CertificateAuthority root, CertificateAuthority issuing) {
  // Wide validity around "now" so that expired or future user certificates can still be checked
  // against a valid path at their own validity dates.
  private static final Duration PAST = Duration.ofDays(5 * 365);

  static Hierarchy create(
      String name,
      KeyKind kind,
      Instant now,
      SecureRandom random,
      Optional<URI> rootCrlDistributionPoint,
      Optional<URI> ocspUrl) {
    CertificateAuthority root =
        CertificateAuthority.root(
            caName(name, "Root CA"),
            kind,
            now.minus(PAST),
            now.plus(Duration.ofDays(20 * 365)),
            random);
    CertificateAuthority issuing =
        root.subordinate(
            caName(name, "Issuing CA"),
            now.minus(PAST),
            now.plus(Duration.ofDays(10 * 365)),
            Extensions.revocationPointers(rootCrlDistributionPoint, ocspUrl).list());
    return new Hierarchy(root, issuing);
  }

  /** C=CN, O=name, CN=name + role. */
  static X500Name caName(String name, String role) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    builder.addRDN(BCStyle.C, "CN");
    builder.addRDN(BCStyle.O, name);
    builder.addRDN(BCStyle.CN, name + " " + role);
    return builder.build();
  }
}
