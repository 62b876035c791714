package io.certgate.core.cert;

import io.certgate.core.CertRevokedException;
import io.certgate.core.RevocationUnknownException;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.revocation.RevocationPolicy.Failure;
import io.certgate.core.revocation.RevocationSource;
import io.certgate.core.revocation.RevocationStatus;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DESIGN §8 step 7: the end certificate and every intermediate on the path (not the root, which is
 * trusted as configured) are checked with the provider's policy.
 */
final class RevocationCheck {
  private final RevocationPolicy policy;
  private final Optional<RevocationSource> ocsp;
  private final Optional<RevocationSource> crl;

  RevocationCheck(
      RevocationPolicy policy, Optional<RevocationSource> ocsp, Optional<RevocationSource> crl) {
    this.policy = policy;
    this.ocsp = ocsp;
    this.crl = crl;
  }

  /** What the check established about a whole path. */
  record Result(Optional<Instant> nextUpdate, boolean complete, List<String> sources) {}

  Result check(List<X509Certificate> path) throws CertRevokedException, RevocationUnknownException {
    if (policy.mode() == RevocationPolicy.Mode.NONE) {
      return new Result(Optional.empty(), true, List.of("not checked (policy NONE)"));
    }
    Optional<Instant> earliest = Optional.empty();
    boolean complete = true;
    List<String> sources = new ArrayList<>();
    for (int i = 0; i + 1 < path.size(); i++) {
      X509Certificate certificate = path.get(i);
      Optional<RevocationStatus> status = statusOf(certificate, path.get(i + 1));
      if (status.isEmpty()) {
        if (policy.failure() == Failure.HARD) {
          throw new RevocationUnknownException(
              "revocation status could not be established for " + describe(certificate));
        }
        complete = false; // SOFT: accepted, but not an answer worth caching
        sources.add("unknown (SOFT)");
        continue;
      }
      if (status.get().revoked()) {
        throw new CertRevokedException(
            describe(certificate) + " is revoked (" + status.get().source() + ")");
      }
      sources.add(status.get().source());
      earliest = earlier(earliest, status.get().nextUpdate());
      complete &= status.get().nextUpdate().isPresent();
    }
    return new Result(earliest, complete, List.copyOf(sources));
  }

  private Optional<RevocationStatus> statusOf(X509Certificate certificate, X509Certificate issuer) {
    return switch (policy.mode()) {
      case NONE -> Optional.empty();
      case CRL -> crl.flatMap(s -> s.status(certificate, issuer));
      case OCSP -> ocsp.flatMap(s -> s.status(certificate, issuer));
      case OCSP_THEN_CRL ->
          ocsp.flatMap(s -> s.status(certificate, issuer))
              .or(() -> crl.flatMap(s -> s.status(certificate, issuer)));
    };
  }

  private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }

  private static String describe(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName()
        + " (serial "
        + certificate.getSerialNumber().toString(16)
        + ")";
  }
}
