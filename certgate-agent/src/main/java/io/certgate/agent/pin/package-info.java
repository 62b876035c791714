/**
 * Reading a PIN from a person at the terminal ({@code certgate-agent sign}). PINs are {@code
 * char[]} from the keyboard to C_Login and cleared after use; they are never logged, stored or
 * cached (the HTTP path reads them in {@code io.certgate.agent.http}). This package does not check
 * PINs: the token does.
 */
@NullMarked
package io.certgate.agent.pin;

import org.jspecify.annotations.NullMarked;
