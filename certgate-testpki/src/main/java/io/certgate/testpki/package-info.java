/**
 * Test and demo PKI for CertGate: provider CA hierarchies (root → issuing CA) for RSA-2048, ECDSA
 * P-256 and SM2, user dual certificates (signature + encryption) with a lock ID, CRLs and an OCSP
 * responder served over loopback HTTP, PKCS#12 soft keys and SoftHSM2 token provisioning.
 *
 * <p>Entry points: {@link io.certgate.testpki.TestProvider} (hierarchy, {@code issueUser}, {@code
 * revoke}, {@code crl}/{@code rootCrl}), {@link io.certgate.testpki.UserSpec} (who and which
 * variant), {@link io.certgate.testpki.CrlServer} and {@link io.certgate.testpki.OcspResponder}
 * (HTTP with failure modes), {@link io.certgate.testpki.Pkcs12Files}, {@link
 * io.certgate.testpki.SoftHsmTokens} and {@link io.certgate.testpki.DemoPki}.
 *
 * <p>Everything here is for tests and the demo only: keys are generated in memory and not
 * protected, and the HTTP servers bind to 127.0.0.1. It depends on Bouncy Castle only (not on
 * certgate-core), so core's own tests can use it. Bouncy Castle is passed explicitly as a provider
 * and never registered globally.
 */
@org.jspecify.annotations.NullMarked
package io.certgate.testpki;
