package io.certgate.agent.token;

/** An SKF library that cannot be used: it does not load, or it lacks functions. */
final class SkfLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  SkfLoadException(String message) {
    super(message);
  }
}
