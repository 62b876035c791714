/**
 * The {@code certgate} command-line checker (DESIGN.md §7): it tells an operator why a certificate
 * or an auth token is accepted or refused, by running the same certgate-core validators as the
 * server. It parses arguments, loads PEM/DER files and prints one JSON object; it holds no
 * validation rules of its own.
 */
@NullMarked
package io.certgate.cli;

import org.jspecify.annotations.NullMarked;
