/**
 * Finding keys: PKCS#11 tokens (USB keys) through the JDK, SKF devices (国密 USB keys, GM/T 0016)
 * through JNA, and PKCS#12 soft keys from a folder.
 *
 * <p><b>Why slots are listed through the PKCS#11 wrapper, not through SunPKCS11 providers.</b> A
 * SunPKCS11 provider is bound to one slot and caches its token; a provider made for a slot whose
 * removable token is absent starts a poller thread that lives as long as the provider, and the JDK
 * keeps one native module handle per library path for the whole process. Making providers to look
 * at slots would leak threads and sessions at each insertion. So {@link
 * io.certgate.agent.token.Tokens} lists slots, token flags and public certificate objects with the
 * JDK's internal wrapper {@code sun.security.pkcs11.wrapper.PKCS11} (exported by the jar's {@code
 * Add-Exports} manifest entry and by the build's compiler and test arguments), opening and closing
 * its own sessions.
 *
 * <p><b>Seeing keys inserted while running.</b> PKCS#11 modules may fix their slot list at
 * C_Initialize (SoftHSM2 does: a token created after it is invisible, a deleted one answers
 * CKR_GENERAL_ERROR). Before a scan, a module whose last initialisation is older than the rescan
 * interval is finalised and initialised again (the wrapper's package-private C_Initialize is
 * reached through {@code Add-Opens}). Every use of a module holds its lock, so no provider works on
 * it across a re-initialisation.
 *
 * <p><b>Signing.</b> Only then is a SunPKCS11 provider made, for the one slot, with {@code
 * destroyTokenAfterLogout}: C_Login through its key store, the private key found by its
 * certificate, the operation, then logout, which closes the provider's sessions and drops its
 * token. No provider is kept, and no login outlives the request. As PKCS#11 logins belong to the
 * process and SunPKCS11 skips C_Login on a logged-in token, the token is logged out before each
 * login: the PIN is always checked by the token.
 *
 * <p><b>PIN state.</b> Token flags give {@code pinRetriesLeft} only when they carry a number (final
 * try: 1, locked: 0); see {@code PinFlags}. SoftHSM2 sets only CKF_USER_PIN_COUNT_LOW after a wrong
 * PIN and never locks, so the tests also run SoftHSM2 behind a test-only module that counts and
 * locks as USB keys do ({@code src/test/native/pin-lockout-pkcs11.c}). PKCS#12 files have no
 * counter: a wrong password is answered after a pause.
 *
 * <p><b>SKF libraries.</b> Each vendor SKF library runs in a child process ({@code SkfHost}, one
 * per library path), which the agent talks to over its stdin and stdout ({@code SkfHostProtocol}):
 * vendor libraries may crash or block, and a crash inside a native call cannot be caught in the JVM
 * on Linux or macOS. A request that does not get its answer within the configured time kills the
 * host; a host that dies fails the request; the next request starts a new one. Signing: the agent
 * computes what the device signs (e = SM3(Z ‖ M) for SM2, the SHA-256 DigestInfo for RSA) in {@code
 * SkfProvider}, a JCA provider used with the same {@code TokenSigner} as the other keys, and the
 * host calls {@code SKF_ECCSignData} / {@code SKF_RSASignData} between {@code SKF_VerifyPIN} and
 * {@code SKF_ClearSecureState}. The test-only software SKF library ({@code
 * src/test/native/soft-skf.c}) stands in for USB keys in the tests.
 *
 * <p><b>Vendor libraries.</b> Where PKCS#11 modules ({@code WellKnownModules}) and SKF libraries
 * ({@code WellKnownSkfLibraries}) are looked for is one rule, {@code LibrarySearch}: per-OS
 * candidate files, only existing regular files, each file once. Its root is a parameter so tests
 * can stand a temporary folder in for each OS.
 *
 * <p>This package does not build auth tokens or speak HTTP.
 */
@NullMarked
package io.certgate.agent.token;

import org.jspecify.annotations.NullMarked;
