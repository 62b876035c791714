/**
 * Certificate validation of DESIGN §8 steps 5–7: purpose, validity, a Bouncy Castle PKIX path
 * through the CA certificates of the one provider the certificate belongs to (DESIGN §3), the RFC
 * 5280 §6 rules PKIX leaves out (the anchor's name constraints and critical extensions, §4 profile
 * rules), and revocation per the provider's policy, composed by {@link
 * io.certgate.core.cert.CertificateValidator}. Providers are described by {@link
 * io.certgate.core.cert.ProviderTrust}. It does not parse tokens, check challenges or look up
 * bindings: see {@code io.certgate.core.auth} and the server.
 */
@NullMarked
package io.certgate.core.cert;

import org.jspecify.annotations.NullMarked;
