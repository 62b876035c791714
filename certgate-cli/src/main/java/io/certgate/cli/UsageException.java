package io.certgate.cli;

/** The command line is wrong or an input file cannot be read: exit status 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean showUsage;

  private UsageException(String message, boolean showUsage, Throwable cause) {
    super(message, cause);
    this.showUsage = showUsage;
  }

  /** A mistake in the arguments themselves; the usage text is worth showing. */
  static UsageException usage(String message) {
    return new UsageException(message, true, null);
  }

  /** An input file that is missing, unreadable or not what its option expects. */
  static UsageException input(String message, Throwable cause) {
    return new UsageException(message, false, cause);
  }

  boolean showUsage() {
    return showUsage;
  }
}
