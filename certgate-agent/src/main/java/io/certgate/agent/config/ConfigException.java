package io.certgate.agent.config;

/** A setting that cannot be used, with the key and the reason (never a secret: there are none). */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
