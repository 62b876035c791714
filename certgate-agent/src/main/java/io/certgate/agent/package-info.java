/**
 * {@code certgate-agent}, the local CA client ("driver"): it finds the user's keys (PKCS#11 USB
 * keys through SunPKCS11, PKCS#12 soft keys), serves the loopback API of DESIGN.md §4, checks the
 * PIN on the token and signs only the construction of DESIGN.md §5. This package holds the entry
 * point and the error contract; the features live in sub-packages ({@code token}, {@code pin},
 * {@code signing}, {@code http}, {@code config}, {@code cli}, {@code status}).
 */
@NullMarked
package io.certgate.agent;

import org.jspecify.annotations.NullMarked;
