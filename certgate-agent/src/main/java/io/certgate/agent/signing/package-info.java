/**
 * Signing login challenges: the auth token of DESIGN.md §5 over {@code H(origin) ‖ H(nonce)}, with
 * the nonce and origin checks every caller (HTTP API and {@code certgate-agent sign}) shares. It
 * relies on certgate-core's {@code TokenSigner} for the construction and the DER encoding
 * (SunPKCS11 may hand back raw r‖s ECDSA values). It does not find keys or read PINs.
 */
@NullMarked
package io.certgate.agent.signing;

import org.jspecify.annotations.NullMarked;
