package io.certgate.core.json;

import java.util.Iterator;
import java.util.Map;

/** Serialises a value tree; every string is escaped so the output always re-parses identically. */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      writeObject(object, out);
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonString string) {
      writeString(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      out.append(number.value().toString());
    } else if (value instanceof JsonBoolean bool) {
      out.append(bool.value());
    } else {
      out.append("null");
    }
  }

  private static void writeObject(JsonObject object, StringBuilder out) {
    out.append('{');
    Iterator<Map.Entry<String, JsonValue>> it = object.members().entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonValue> member = it.next();
      writeString(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    out.append('}');
  }

  static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Control characters must be escaped (RFC 8259 §7); U+2028/2029 too, because they end a
          // line in JavaScript source and the text may be embedded in a page.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]);
            out.append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
