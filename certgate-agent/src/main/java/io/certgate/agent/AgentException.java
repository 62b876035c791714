package io.certgate.agent;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A refusal of the local client, carrying exactly one {@link AgentError} and, for {@link
 * AgentError#PIN_INCORRECT}, the retries the token reported. Messages never contain a PIN.
 */
public final class AgentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final AgentError code;
  private final Integer retriesLeft;

  public AgentException(AgentError code, String message) {
    this(code, message, OptionalInt.empty(), null);
  }

  public AgentException(AgentError code, String message, Throwable cause) {
    this(code, message, OptionalInt.empty(), cause);
  }

  private AgentException(
      AgentError code, String message, OptionalInt retriesLeft, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.retriesLeft = retriesLeft.isPresent() ? retriesLeft.getAsInt() : null;
  }

  /** A wrong PIN, with the number of tries the token says are left, when it says so. */
  public static AgentException pinIncorrect(OptionalInt retriesLeft) {
    String message =
        retriesLeft.isPresent()
            ? "PIN incorrect, " + retriesLeft.getAsInt() + " tries left"
            : "PIN incorrect";
    return new AgentException(AgentError.PIN_INCORRECT, message, retriesLeft, null);
  }

  /** The stable code of this refusal. */
  public AgentError code() {
    return code;
  }

  /** Tries left before the PIN locks, when the token reports it. */
  public Optional<Integer> retriesLeft() {
    return Optional.ofNullable(retriesLeft);
  }
}
