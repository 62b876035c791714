package io.certgate.core.json;

/** The JSON {@code null} literal. */
public enum JsonNull implements JsonValue {
  INSTANCE
}
