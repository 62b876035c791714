/**
 * Revocation status of certificates (DESIGN §8 step 7): a {@link
 * io.certgate.core.revocation.CrlStore} that keeps signature-checked, indexed CRLs current in the
 * background, an {@link io.certgate.core.revocation.OcspClient} with nonce, RFC 6960 responder
 * authorisation and a bounded response cache, and the per-provider {@link
 * io.certgate.core.revocation.RevocationPolicy}. It answers "revoked, good, or unknown"; deciding
 * what unknown means (HARD or SOFT) belongs to {@code io.certgate.core.cert}. A CRL answers only
 * for the certificates it covers (RFC 5280 §6.3.3: signer with cRLSign, distribution points,
 * reasons, kinds of certificate, indirect CRLs), delta CRLs merged with their base; "good" needs
 * covering CRLs for every reason.
 *
 * <p>For monitoring it exposes plain data, no metrics library: {@link
 * io.certgate.core.revocation.CrlStore#crls()} (a {@link io.certgate.core.revocation.CrlState} per
 * URL) and an OCSP failure listener given the {@link io.certgate.core.revocation.OcspFailure} kind.
 * Every network exchange is bounded as a whole (not only the wait for the first byte).
 */
@NullMarked
package io.certgate.core.revocation;

import org.jspecify.annotations.NullMarked;
