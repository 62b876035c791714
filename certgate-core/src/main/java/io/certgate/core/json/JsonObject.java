package io.certgate.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object. Member order is kept as read or built; names are unique (the reader refuses
 * duplicates, because two parsers could otherwise disagree on which value counts).
 *
 * <p>The {@code require*} accessors throw {@link JsonException} naming the member when it is absent
 * or of the wrong type; the {@code optional*} accessors treat an absent member and an explicit
 * {@code null} alike as empty.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  public JsonObject {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Set<String> names() {
    return members.keySet();
  }

  public Optional<JsonValue> get(String name) {
    return Optional.ofNullable(members.get(name));
  }

  public JsonValue require(String name) throws JsonException {
    JsonValue value = members.get(name);
    if (value == null) {
      throw new JsonException("member '" + name + "' is required");
    }
    return value;
  }

  public String requireString(String name) throws JsonException {
    if (require(name) instanceof JsonString s) {
      return s.value();
    }
    throw wrongType(name, "a string");
  }

  public long requireLong(String name) throws JsonException {
    if (require(name) instanceof JsonNumber n) {
      return n.longValueExact();
    }
    throw wrongType(name, "an integer");
  }

  public boolean requireBoolean(String name) throws JsonException {
    if (require(name) instanceof JsonBoolean b) {
      return b.value();
    }
    throw wrongType(name, "a boolean");
  }

  public JsonArray requireArray(String name) throws JsonException {
    if (require(name) instanceof JsonArray a) {
      return a;
    }
    throw wrongType(name, "an array");
  }

  public JsonObject requireObject(String name) throws JsonException {
    if (require(name) instanceof JsonObject o) {
      return o;
    }
    throw wrongType(name, "an object");
  }

  public Optional<String> optionalString(String name) throws JsonException {
    return isAbsent(name) ? Optional.empty() : Optional.of(requireString(name));
  }

  public Optional<Long> optionalLong(String name) throws JsonException {
    return isAbsent(name) ? Optional.empty() : Optional.of(requireLong(name));
  }

  public Optional<JsonArray> optionalArray(String name) throws JsonException {
    return isAbsent(name) ? Optional.empty() : Optional.of(requireArray(name));
  }

  private boolean isAbsent(String name) {
    JsonValue value = members.get(name);
    return value == null || value == JsonNull.INSTANCE;
  }

  private static JsonException wrongType(String name, String expected) {
    return new JsonException("member '" + name + "' must be " + expected);
  }

  /** Builds an object member by member, in order; a repeated name is a programming error. */
  public static final class Builder {
    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, JsonValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (members.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("duplicate member '" + name + "'");
      }
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    public Builder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, JsonBoolean.of(value));
    }

    public Builder putNull(String name) {
      return put(name, JsonNull.INSTANCE);
    }

    public JsonObject build() {
      return new JsonObject(members);
    }
  }
}
