/**
 * The loopback HTTP API of DESIGN.md §4 on the JDK's built-in server (no framework): Host and
 * origin checks, CORS with Private Network Access preflights, bounded bodies and times, the error
 * JSON, and a strict body reader that keeps the PIN out of {@link java.lang.String}s. It does not
 * find keys or sign; it calls the {@code token} and {@code signing} packages.
 */
@NullMarked
package io.certgate.agent.http;

import org.jspecify.annotations.NullMarked;
