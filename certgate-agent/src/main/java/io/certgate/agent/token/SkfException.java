package io.certgate.agent.token;

/** An SKF function returned something other than {@code SAR_OK}. */
final class SkfException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String function;
  private final int code;

  SkfException(String function, int code) {
    super(function + " returned " + SkfErrors.describe(code));
    this.function = function;
    this.code = code;
  }

  String function() {
    return function;
  }

  int code() {
    return code;
  }
}
