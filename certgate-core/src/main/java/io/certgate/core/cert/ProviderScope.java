package io.certgate.core.cert;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Which certificates a provider takes (DESIGN §3): a provider <em>is</em> the CA certificates it
 * lists. When it lists issuing CAs (not self-signed), only paths running through one of them are
 * its own; intermediates from a token's chain may fill the gap below such a CA but never carry a
 * certificate to the provider by way of a CA it does not list. A provider listing only roots takes
 * everything under them. A CA is its name with its key: a re-issued CA certificate (same subject,
 * same key) is the same CA.
 */
final class ProviderScope {
  private final List<X509Certificate> roots;
  private final List<X509Certificate> issuingCas;
  private final Set<X500Principal> subjects;

  private ProviderScope(
      List<X509Certificate> roots, List<X509Certificate> issuingCas, Set<X500Principal> subjects) {
    this.roots = roots;
    this.issuingCas = issuingCas;
    this.subjects = subjects;
  }

  static ProviderScope of(ProviderTrust trust) {
    return new ProviderScope(
        trust.anchors().stream().filter(Anchors::selfSigned).toList(),
        trust.anchors().stream().filter(a -> !selfIssued(a)).toList(),
        trust.anchors().stream()
            .map(X509Certificate::getSubjectX500Principal)
            .collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * Whether a path to this provider could exist at all: some hop of it ends at a CA the provider
   * lists, so the certificate or one of the chain's must name such a CA as issuer. Spares a PKIX
   * build per provider that cannot apply.
   */
  boolean mayReach(X509Certificate certificate, List<X509Certificate> chain) {
    if (subjects.contains(certificate.getIssuerX500Principal())) {
      return true;
    }
    return chain.stream().anyMatch(c -> subjects.contains(c.getIssuerX500Principal()));
  }

  /** Whether the path (end certificate first, root last) is this provider's. */
  boolean owns(List<X509Certificate> path) {
    if (issuingCas.isEmpty()) {
      return true;
    }
    for (X509Certificate ca : path.subList(1, path.size())) {
      if (issuingCas.stream().anyMatch(listed -> sameCa(listed, ca))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some certificate could belong to both providers: they list one issuing CA, one lists a
   * CA that a CA of the other certified, or they list one root while either lists no issuing CA
   * (and so takes everything under that root).
   */
  boolean clashesWith(ProviderScope other) {
    if (anyShared(issuingCas, other.issuingCas)
        || anyIssued(issuingCas, other.issuingCas)
        || anyIssued(other.issuingCas, issuingCas)) {
      return true;
    }
    boolean eachListsIssuingCas = !issuingCas.isEmpty() && !other.issuingCas.isEmpty();
    return !eachListsIssuingCas && anyShared(roots, other.roots);
  }

  private static boolean anyShared(List<X509Certificate> a, List<X509Certificate> b) {
    return a.stream().anyMatch(x -> b.stream().anyMatch(y -> sameCa(x, y)));
  }

  /** Whether a listed CA of {@code upper} directly certified a listed CA of {@code lower}. */
  private static boolean anyIssued(List<X509Certificate> upper, List<X509Certificate> lower) {
    for (X509Certificate below : lower) {
      for (X509Certificate above : upper) {
        if (below.getIssuerX500Principal().equals(above.getSubjectX500Principal())
            && Anchors.signedBy(below, above)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A root's key-rollover certificate (self-issued, RFC 5280 §3.2: old key signing new or new
   * signing old) belongs to the root; it is not an issuing CA that narrows the provider.
   */
  private static boolean selfIssued(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
  }

  static boolean sameCa(X509Certificate a, X509Certificate b) {
    return a.getSubjectX500Principal().equals(b.getSubjectX500Principal())
        && Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
  }
}
