package io.certgate.core.json;

import java.util.ArrayList;
import java.util.List;

/** A JSON array; its element list is immutable. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  public JsonArray {
    elements = List.copyOf(elements);
  }

  /** An array of strings. */
  public static JsonArray ofStrings(List<String> values) {
    List<JsonValue> elements = new ArrayList<>(values.size());
    for (String value : values) {
      elements.add(new JsonString(value));
    }
    return new JsonArray(elements);
  }

  public int size() {
    return elements.size();
  }

  public JsonValue get(int index) {
    return elements.get(index);
  }
}
