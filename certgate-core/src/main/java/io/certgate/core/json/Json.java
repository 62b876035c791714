package io.certgate.core.json;

/** Entry point: read JSON text into a {@link JsonValue} tree, and write a tree as compact text. */
public final class Json {
  private Json() {}

  /**
   * Reads one JSON text under {@link JsonLimits#DEFAULT}.
   *
   * @throws JsonException if the text is not exactly one well-formed JSON value within the limits
   */
  public static JsonValue parse(String text) throws JsonException {
    return parse(text, JsonLimits.DEFAULT);
  }

  /**
   * Reads one JSON text under the given limits. Whitespace may surround the value; anything else
   * after it is refused.
   *
   * @throws JsonException if the text is not exactly one well-formed JSON value within the limits
   */
  public static JsonValue parse(String text, JsonLimits limits) throws JsonException {
    return new JsonReader(text, limits).readDocument();
  }

  /**
   * Reads one JSON text whose top-level value must be an object.
   *
   * @throws JsonException if the text is not well-formed or not an object
   */
  public static JsonObject parseObject(String text, JsonLimits limits) throws JsonException {
    if (parse(text, limits) instanceof JsonObject object) {
      return object;
    }
    throw new JsonException("expected a JSON object");
  }

  /** Writes the value as compact JSON (no insignificant whitespace), non-ASCII left as is. */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder(64);
    JsonWriter.write(value, out);
    return out.toString();
  }
}
