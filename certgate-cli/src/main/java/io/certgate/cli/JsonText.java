package io.certgate.cli;

import java.util.List;
import java.util.Map;

/** Writes the flat objects of {@link Report}: strings, booleans and lists of strings. */
final class JsonText {
  private JsonText() {}

  static String object(Map<String, Object> members) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> member : members.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      string(member.getKey(), out);
      out.append(':');
      value(member.getValue(), out);
    }
    return out.append('}').toString();
  }

  private static void value(Object value, StringBuilder out) {
    if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(String.valueOf(list.get(i)), out);
      }
      out.append(']');
    } else {
      string(String.valueOf(value), out);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
