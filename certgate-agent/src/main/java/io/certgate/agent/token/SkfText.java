package io.certgate.agent.token;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Reading what SKF libraries return: name lists, fixed-size text fields, certificates. */
final class SkfText {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private SkfText() {}

  /** A name as the library spelled it (passed back byte for byte) and as people read it. */
  record Name(byte[] bytes, String text) {
    /** NUL-terminated, for an {@code LPSTR} argument. */
    byte[] terminated() {
      return Arrays.copyOf(bytes, bytes.length + 1);
    }
  }

  /**
   * Splits a name list {@code "a\0b\0\0"}. Tolerates lists that end with a single NUL, or with none
   * at the end of the buffer, and stops at the first empty name.
   */
  static List<Name> nameList(byte[] list) {
    List<Name> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= list.length; i++) {
      if (i == list.length || list[i] == 0) {
        if (i == start) {
          break;
        }
        byte[] name = Arrays.copyOfRange(list, start, i);
        names.add(new Name(name, decode(name)));
        start = i + 1;
      }
    }
    return names;
  }

  /** A fixed-size {@code CHAR[n]} field: up to the first NUL, trailing spaces removed. */
  static String field(byte[] field) {
    int end = 0;
    while (end < field.length && field[end] != 0) {
      end++;
    }
    return decode(Arrays.copyOf(field, end)).strip();
  }

  /** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (Chinese Windows' code page). */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, GB18030);
    }
  }

  /**
   * A certificate as exported: DER as the standard says, or — as some vendors do — PEM or bare
   * base64 text, possibly NUL-terminated.
   *
   * @throws IllegalArgumentException when it is none of these
   */
  static byte[] certificate(byte[] exported) {
    int end = exported.length;
    while (end > 0 && exported[end - 1] == 0) {
      end--;
    }
    if (end > 0 && exported[0] == 0x30) {
      return Arrays.copyOf(exported, end);
    }
    String text = new String(exported, 0, end, StandardCharsets.US_ASCII);
    StringBuilder base64 = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (!line.startsWith("-----")) {
        base64.append(line.replaceAll("\\s", ""));
      }
    }
    return Base64.getDecoder().decode(base64.toString());
  }
}
