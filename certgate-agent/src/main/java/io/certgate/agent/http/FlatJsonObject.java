package io.certgate.agent.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reader for the one request body shape of the API: a JSON object whose members are all
 * strings, e.g. {@code {"certificateId":"…","nonce":"…","pin":"…"}}.
 *
 * <p>It exists, next to certgate-core's JSON reader, because of the PIN: values come out as {@code
 * char[]} that {@link #close()} overwrites, and no {@link String} of a value is ever made here, so
 * the PIN does not linger in the heap until a garbage collection. Duplicate names, other value
 * types, control characters and trailing data are refused.
 */
final class FlatJsonObject implements AutoCloseable {
  private final Map<String, char[]> members;

  private FlatJsonObject(Map<String, char[]> members) {
    this.members = members;
  }

  /** Parses UTF-8 bytes, then overwrites them. */
  static FlatJsonObject parse(byte[] utf8) throws MalformedJsonException {
    CharBuffer chars;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8));
    } catch (CharacterCodingException e) {
      throw new MalformedJsonException("body is not UTF-8");
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
    char[] text = new char[chars.remaining()];
    chars.get(text);
    Arrays.fill(chars.array(), '\0');
    try {
      return new FlatJsonObject(new Parser(text).object());
    } finally {
      Arrays.fill(text, '\0');
    }
  }

  /** The names present, for refusing unknown members. */
  Set<String> names() {
    return members.keySet();
  }

  /** A member's value; the array stays owned by this object and is cleared by {@link #close()}. */
  Optional<char[]> get(String name) {
    return Optional.ofNullable(members.get(name));
  }

  @Override
  public void close() {
    for (char[] value : members.values()) {
      Arrays.fill(value, '\0');
    }
  }

  /** The body is not the expected JSON; the message never quotes the input. */
  static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message) {
      super(message);
    }
  }

  private static final class Parser {
    private final char[] in;
    private int pos;

    Parser(char[] in) {
      this.in = in;
    }

    Map<String, char[]> object() throws MalformedJsonException {
      Map<String, char[]> result = new LinkedHashMap<>();
      try {
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
          pos++;
        } else {
          members(result);
        }
        skipSpace();
        if (pos != in.length) {
          throw new MalformedJsonException("unexpected data after the JSON object");
        }
        return result;
      } catch (MalformedJsonException | RuntimeException e) {
        result.values().forEach(v -> Arrays.fill(v, '\0'));
        throw e instanceof MalformedJsonException m
            ? m
            : new MalformedJsonException("malformed JSON");
      }
    }

    private void members(Map<String, char[]> result) throws MalformedJsonException {
      while (true) {
        skipSpace();
        char[] nameChars = string();
        String name = new String(nameChars);
        skipSpace();
        expect(':');
        skipSpace();
        if (peek() != '"') {
          throw new MalformedJsonException("member \"" + name + "\" must be a string");
        }
        char[] value = string();
        if (result.putIfAbsent(name, value) != null) {
          Arrays.fill(value, '\0');
          throw new MalformedJsonException("duplicate member \"" + name + "\"");
        }
        skipSpace();
        char c = next();
        if (c == '}') {
          return;
        }
        if (c != ',') {
          throw new MalformedJsonException("expected , or } at offset " + (pos - 1));
        }
      }
    }

    private char[] string() throws MalformedJsonException {
      expect('"');
      char[] out = new char[in.length];
      int n = 0;
      try {
        while (true) {
          char c = next();
          if (c == '"') {
            return Arrays.copyOf(out, n);
          }
          if (c < 0x20) {
            throw new MalformedJsonException("control character in a string");
          }
          out[n++] = c == '\\' ? escape() : c;
        }
      } finally {
        Arrays.fill(out, '\0');
      }
    }

    private char escape() throws MalformedJsonException {
      char c = next();
      return switch (c) {
        case '"', '\\', '/' -> c;
        case 'b' -> '\b';
        case 'f' -> '\f';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        case 'u' -> unicode();
        default -> throw new MalformedJsonException("bad escape in a string");
      };
    }

    private char unicode() throws MalformedJsonException {
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(next(), 16);
        if (digit < 0) {
          throw new MalformedJsonException("bad \\u escape");
        }
        value = value * 16 + digit;
      }
      return (char) value;
    }

    private void skipSpace() {
      while (pos < in.length
          && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
        pos++;
      }
    }

    private char peek() throws MalformedJsonException {
      if (pos >= in.length) {
        throw new MalformedJsonException("unexpected end of the body");
      }
      return in[pos];
    }

    private char next() throws MalformedJsonException {
      char c = peek();
      pos++;
      return c;
    }

    private void expect(char c) throws MalformedJsonException {
      if (next() != c) {
        throw new MalformedJsonException("expected " + c + " at offset " + (pos - 1));
      }
    }
  }
}
