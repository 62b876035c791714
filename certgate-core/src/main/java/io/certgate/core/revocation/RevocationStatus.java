package io.certgate.core.revocation;

import java.time.Instant;
import java.util.Optional;

/**
 * An established revocation status.
 *
 * @param revoked whether the certificate is revoked (on hold counts as revoked)
 * @param nextUpdate when this answer stops being current (the CRL's or OCSP response's nextUpdate);
 *     empty when the source gave none, in which case it must not be cached
 * @param source a short human description, e.g. {@code "CRL http://ca/crl"} or {@code "OCSP"}
 */
public record RevocationStatus(boolean revoked, Optional<Instant> nextUpdate, String source) {

  public static RevocationStatus good(Optional<Instant> nextUpdate, String source) {
    return new RevocationStatus(false, nextUpdate, source);
  }

  public static RevocationStatus revoked(Optional<Instant> nextUpdate, String source) {
    return new RevocationStatus(true, nextUpdate, source);
  }
}
