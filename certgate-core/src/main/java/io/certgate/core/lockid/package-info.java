/**
 * Lock-ID rules (DESIGN.md §3): how a CA provider's certificates name the USB key ("CA锁ID") they
 * live on, so that a renewed certificate of the same key still matches its account binding.
 *
 * <p>This package only reads a value out of a certificate; it does not validate the certificate,
 * look up bindings or decide whether two lock IDs belong to the same provider.
 */
@NullMarked
package io.certgate.core.lockid;

import org.jspecify.annotations.NullMarked;
