package io.certgate.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/** A signature-checked, indexed CRL. Immutable; shared between validating threads. */
record Crl(
    X500Name issuer,
    Instant thisUpdate,
    Optional<Instant> nextUpdate,
    SerialIndex revoked,
    CrlParser.Scope scope) {

  /** A CRL may be relied on from its thisUpdate until its nextUpdate (RFC 5280 §5.1.2.5). */
  boolean currentAt(Instant now) {
    return !now.isBefore(thisUpdate) && nextUpdate.map(now::isBefore).orElse(false);
  }

  boolean lists(BigInteger serial) {
    return revoked.contains(serial);
  }
}
