/**
 * The {@code certgate-agent} command line: {@code run} (the service), {@code list} (for support
 * calls), {@code sign} (a token from the terminal) and {@code --version}. Every command prints, on
 * standard error, where the configuration was read from.
 */
@NullMarked
package io.certgate.agent.cli;

import org.jspecify.annotations.NullMarked;
