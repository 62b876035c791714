package io.certgate.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent reader for exactly the RFC 8259 grammar: no comments, no trailing commas, no
 * single quotes, no leading zeros, no NaN, no BOM. Recursion depth is bounded by {@link
 * JsonLimits#maxDepth()}, so hostile nesting cannot overflow the stack.
 */
final class JsonReader {
  /**
   * Longer number literals are refused: nothing CertGate reads needs them, BigDecimal may choke.
   */
  private static final int MAX_NUMBER_CHARS = 64;

  private final String text;
  private final JsonLimits limits;
  private int pos;
  private int depth;

  JsonReader(String text, JsonLimits limits) {
    this.text = text;
    this.limits = limits;
  }

  JsonValue readDocument() throws JsonException {
    if (text.length() > limits.maxInputChars()) {
      throw new JsonException("JSON text longer than " + limits.maxInputChars() + " characters");
    }
    skipWhitespace();
    JsonValue value = readValue();
    skipWhitespace();
    if (pos != text.length()) {
      throw error("unexpected content after the JSON value");
    }
    return value;
  }

  private JsonValue readValue() throws JsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> readObject();
      case '[' -> readArray();
      case '"' -> new JsonString(readString());
      case 't' -> readLiteral("true", JsonBoolean.TRUE);
      case 'f' -> readLiteral("false", JsonBoolean.FALSE);
      case 'n' -> readLiteral("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield readNumber();
        }
        throw error("unexpected character");
      }
    };
  }

  private JsonObject readObject() throws JsonException {
    enter();
    pos++; // '{'
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new JsonObject(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      int nameAt = pos;
      String name = readString();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (members.put(name, readValue()) != null) {
        throw new JsonException("duplicate member name at offset " + nameAt);
      }
      skipWhitespace();
      if (!consumeSeparator('}')) {
        depth--;
        return new JsonObject(members);
      }
    }
  }

  private JsonArray readArray() throws JsonException {
    enter();
    pos++; // '['
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new JsonArray(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(readValue());
      skipWhitespace();
      if (!consumeSeparator(']')) {
        depth--;
        return new JsonArray(elements);
      }
    }
  }

  /** Consumes ',' (returns true: another item follows) or the closing character (returns false). */
  private boolean consumeSeparator(char close) throws JsonException {
    char c = peek();
    if (c == ',') {
      pos++;
      return true;
    }
    if (c == close) {
      pos++;
      return false;
    }
    throw error("expected ',' or '" + close + "'");
  }

  private void enter() throws JsonException {
    if (++depth > limits.maxDepth()) {
      throw error("nesting deeper than " + limits.maxDepth());
    }
  }

  /**
   * Reads a string. Most strings (base64, names) have no escapes: those are scanned with locals
   * only and cut out of the text in one piece, which keeps parsing a token cheap next to verifying
   * its signature.
   */
  private String readString() throws JsonException {
    int start = pos + 1; // after the opening quote
    int n = text.length();
    boolean surrogates = false;
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        pos = i + 1;
        return checkString(text.substring(start, i), surrogates);
      }
      if (c == '\\') {
        pos = i;
        return readEscapedString(new StringBuilder().append(text, start, i));
      }
      if (c < 0x20) {
        pos = i;
        throw error("unescaped control character in string");
      }
      surrogates |= Character.isSurrogate(c);
    }
    pos = n;
    throw error("unterminated string");
  }

  /** Continues a string at its first backslash. */
  private String readEscapedString(StringBuilder out) throws JsonException {
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return checkString(out.toString(), true);
      }
      if (c == '\\') {
        readEscape(out);
        continue;
      }
      if (c < 0x20) {
        throw error("unescaped control character in string");
      }
      out.append(c);
      pos++;
    }
  }

  /** The length limit and, when the string may hold surrogates, their pairing. */
  private String checkString(String value, boolean surrogates) throws JsonException {
    if (value.length() > limits.maxStringChars()) {
      throw error("string longer than " + limits.maxStringChars() + " characters");
    }
    for (int i = 0; surrogates && i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // Not Unicode text: refused rather than passed on to code that may mangle it differently.
        throw error("unpaired surrogate in string");
      }
    }
    return value;
  }

  private void readEscape(StringBuilder out) throws JsonException {
    pos++; // backslash
    if (pos >= text.length()) {
      throw error("unterminated escape");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"', '\\', '/' -> out.append(c);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> out.append(readHex4());
      default -> {
        pos--;
        throw error("invalid escape");
      }
    }
  }

  private char readHex4() throws JsonException {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos), 16);
      if (digit < 0 || text.charAt(pos) > 'f') {
        throw error("invalid \\u escape");
      }
      value = value << 4 | digit;
      pos++;
    }
    return (char) value;
  }

  private JsonNumber readNumber() throws JsonException {
    int start = pos;
    int end = JsonNumberSyntax.end(text, start);
    if (end < 0) {
      pos = -end - 1;
      throw error("invalid number");
    }
    pos = end;
    if (end - start > MAX_NUMBER_CHARS) {
      throw new JsonException("number longer than " + MAX_NUMBER_CHARS + " characters at " + start);
    }
    try {
      return new JsonNumber(new BigDecimal(text.substring(start, end)));
    } catch (NumberFormatException | ArithmeticException e) {
      // An exponent beyond BigDecimal's scale range; valid grammar, but not a number we can hold.
      throw new JsonException("number out of range at offset " + start);
    }
  }

  private JsonValue readLiteral(String literal, JsonValue value) throws JsonException {
    if (!text.startsWith(literal, pos)) {
      throw error("invalid literal");
    }
    pos += literal.length();
    return value;
  }

  private void expect(char c) throws JsonException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** The current character, or U+FFFF at the end (never valid at any point of the grammar). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\uffff';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonException error(String message) {
    return new JsonException(message + " at offset " + pos);
  }
}
