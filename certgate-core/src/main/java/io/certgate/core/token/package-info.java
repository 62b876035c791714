/**
 * The CertGate auth token of DESIGN.md §5: its strict JSON form ({@link
 * io.certgate.core.token.AuthTokens}), the data to be signed ({@link
 * io.certgate.core.token.SignedData}), signing for the local client ({@link
 * io.certgate.core.token.TokenSigner}), signature verification with the algorithm bound to the key
 * type ({@link io.certgate.core.token.TokenSignatureVerifier}) and the page origin that is signed
 * ({@link io.certgate.core.token.WebOrigin}), checked once where it is configured or received.
 *
 * <p>Elliptic-curve and SM2 verification run on Bouncy Castle, passed explicitly as a provider and
 * never registered globally. This package does not decide whether a certificate is trusted, valid
 * or fit for signing: that is the certificate validation's job.
 */
@NullMarked
package io.certgate.core.token;

import org.jspecify.annotations.NullMarked;
