package io.certgate.core.json;

import java.math.BigDecimal;
import java.util.Objects;

/** A JSON number, kept exact as a {@link BigDecimal}. */
public record JsonNumber(BigDecimal value) implements JsonValue {
  public JsonNumber {
    Objects.requireNonNull(value, "value");
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /**
   * This number as a {@code long}.
   *
   * @throws JsonException if it has a fraction or does not fit
   */
  public long longValueExact() throws JsonException {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new JsonException("number is not an integer in the 64-bit range");
    }
  }
}
