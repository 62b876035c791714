package io.certgate.core.json;

/**
 * One JSON value. The permitted types mirror RFC 8259: {@link JsonObject}, {@link JsonArray},
 * {@link JsonString}, {@link JsonNumber}, {@link JsonBoolean} and {@link JsonNull}.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** This value as compact JSON text. */
  default String toJson() {
    return Json.write(this);
  }
}
