package io.certgate.core.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * RFC 5280 §6.3.3 over every current CRL a store holds: only CRLs that cover the certificate
 * answer, each for the reasons it covers; a delta CRL is merged with the base it updates; the
 * status is "good" only when the covering CRLs together answer for every reason. Anything less is
 * unknown, never good.
 */
final class CrlCoverage {
  private CrlCoverage() {}

  /** A current CRL and where it came from. */
  record Held(Crl crl, URI url) {}

  static Optional<RevocationStatus> status(List<Held> held, X509Certificate certificate) {
    IssuerName certIssuer = new IssuerName(certificate);
    List<Held> deltas = held.stream().filter(h -> h.crl().isDelta()).toList();
    int covered = 0;
    List<Held> used = new ArrayList<>();
    for (Held base : held) {
      if (base.crl().isDelta()) {
        continue;
      }
      int reasons = base.crl().scope().coveredReasons(certificate, certIssuer, base.crl());
      if (reasons == 0) {
        continue;
      }
      Optional<Held> delta = newestDelta(base.crl(), deltas);
      if (delta.isPresent() && !updates(delta.get().crl(), base.crl())) {
        // A newer delta is at hand but this base is older than the one it updates: the base
        // alone could miss a revocation the delta's base carries.
        continue;
      }
      // A direct CRL's entries are all of its own issuer, which (a) found to be the certificate's:
      // looking them up under the CRL's own name object keeps the lookup an identity match.
      X500Name entriesOf = base.crl().scope().indirect() ? certIssuer.name() : base.crl().issuer();
      Optional<Boolean> said =
          delta.flatMap(d -> d.crl().entries().says(entriesOf, certificate.getSerialNumber()));
      boolean revoked =
          said.orElseGet(
              () ->
                  base.crl()
                      .entries()
                      .says(entriesOf, certificate.getSerialNumber())
                      .orElse(false));
      used.add(base);
      delta.ifPresent(used::add);
      if (revoked) {
        return Optional.of(RevocationStatus.revoked(nextUpdate(used), source(used)));
      }
      covered |= reasons;
    }
    if (covered != CrlScope.ALL_REASONS) {
      return Optional.empty();
    }
    return Optional.of(RevocationStatus.good(nextUpdate(used), source(used)));
  }

  /** The delta CRL of the same issuer and scope with the highest number newer than the base. */
  private static Optional<Held> newestDelta(Crl base, List<Held> deltas) {
    return deltas.stream()
        .filter(d -> d.crl().issuer().equals(base.issuer()))
        .filter(d -> d.crl().scope().sameAs(base.scope()))
        .filter(d -> d.crl().number().isPresent())
        .filter(d -> base.number().map(n -> d.crl().number().get().compareTo(n) > 0).orElse(true))
        .max(Comparator.comparing(d -> d.crl().number().get()));
  }

  /** RFC 5280 §5.2.4: a delta applies to a base whose number is at least its BaseCRLNumber. */
  private static boolean updates(Crl delta, Crl base) {
    return base.number().isPresent()
        && base.number().get().compareTo(delta.deltaBase().orElseThrow()) >= 0;
  }

  private static Optional<Instant> nextUpdate(List<Held> used) {
    return used.stream()
        .map(h -> h.crl().nextUpdate())
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  private static String source(List<Held> used) {
    if (used.size() == 1) {
      return "CRL " + used.get(0).url();
    }
    return "CRL " + String.join(" + ", used.stream().map(h -> h.url().toString()).toList());
  }
}
