package io.certgate.server.api;

import java.io.IOException;

/** Raised while reading a request body that passes the configured limit. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException() {
    super("request body too large");
  }
}
