package io.certgate.cli;

import java.util.List;

/** One {@code certgate} subcommand. */
interface Command {

  /** The word that selects it, e.g. {@code verify-chain}. */
  String name();

  /** Its synopsis line for the usage text. */
  String synopsis();

  /**
   * Runs it. A refusal by certgate-core is a {@link Report#invalid} report, not an exception.
   *
   * @throws UsageException for bad arguments or unreadable input files (exit 2)
   */
  Report run(List<String> args) throws UsageException;
}
