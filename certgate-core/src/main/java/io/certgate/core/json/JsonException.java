package io.certgate.core.json;

/**
 * JSON text that is not well-formed, exceeds a {@link JsonLimits} bound, or does not have the shape
 * a caller asked for. The message is safe to show to a client: it names the offset or member, never
 * echoes the input.
 */
public final class JsonException extends Exception {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}
