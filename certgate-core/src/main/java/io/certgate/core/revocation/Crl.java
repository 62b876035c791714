package io.certgate.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A signature-checked, indexed CRL. Immutable; shared between validating threads.
 *
 * @param issuerDer the issuer name's encoding as the CRL carries it
 * @param number its cRLNumber, when it has one
 * @param deltaBase for a delta CRL, the BaseCRLNumber of its deltaCRLIndicator (RFC 5280 §5.2.4)
 */
record Crl(
    X500Name issuer,
    byte[] issuerDer,
    Instant thisUpdate,
    Optional<Instant> nextUpdate,
    CrlEntries entries,
    CrlScope scope,
    Optional<BigInteger> number,
    Optional<BigInteger> deltaBase) {
  private static final SerialIndex NONE = new SerialIndex.Builder().build();

  /** A CRL may be relied on from its thisUpdate until its nextUpdate (RFC 5280 §5.1.2.5). */
  boolean currentAt(Instant now) {
    return !now.isBefore(thisUpdate) && nextUpdate.map(now::isBefore).orElse(false);
  }

  boolean isDelta() {
    return deltaBase.isPresent();
  }

  /** The serials listed for certificates of the CRL's own issuer. */
  SerialIndex revoked() {
    return entries.revoked().getOrDefault(issuer, NONE);
  }

  boolean lists(BigInteger serial) {
    return revoked().contains(serial);
  }
}
