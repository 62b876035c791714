package io.certgate.server.api;

/**
 * Thrown while the server starts when its configuration would be unsafe in production (no SMS
 * gateway, no audit key …). The message says what to set; {@link StartupRefusedAnalyzer} prints it
 * as the reason the application did not start, instead of a stack trace.
 */
public final class StartupRefused extends RuntimeException {
  private final String action;

  /**
   * @param problem what is wrong
   * @param action what the operator should set
   */
  public StartupRefused(String problem, String action) {
    super(problem);
    this.action = action;
  }

  /** What the operator should set. */
  public String action() {
    return action;
  }
}
