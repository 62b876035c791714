package io.certgate.core.revocation;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The entries of one CRL, per certificate issuer: a direct CRL has one issuer (its own), an
 * indirect CRL one per certificateIssuer entry extension (RFC 5280 §5.3.3). A delta CRL also lists
 * serials it takes off the base CRL (reason removeFromCRL, §5.3.1).
 *
 * @param revoked per certificate issuer, the serials listed as revoked (or on hold)
 * @param removed per certificate issuer, the serials a delta CRL removes from its base
 */
record CrlEntries(Map<X500Name, SerialIndex> revoked, Map<X500Name, SerialIndex> removed) {

  /** What this CRL says of the serial: revoked, removed (not revoked), or nothing. */
  Optional<Boolean> says(X500Name certIssuer, BigInteger serial) {
    SerialIndex listed = revoked.get(certIssuer);
    if (listed != null && listed.contains(serial)) {
      return Optional.of(true);
    }
    SerialIndex taken = removed.get(certIssuer);
    if (taken != null && taken.contains(serial)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  int size() {
    return revoked.values().stream().mapToInt(SerialIndex::size).sum();
  }
}
