package io.certgate.core.token;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard base64 (RFC 4648 §4) in its one canonical form: padded, no line breaks or whitespace,
 * and zero bits after the last byte. Refusing alternative spellings means one token has one text.
 */
final class StrictBase64 {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private StrictBase64() {}

  /** The decoded bytes, or empty if the text is not canonical base64. */
  static Optional<byte[]> decode(String text) {
    if (text.length() % 4 != 0) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return hasZeroPadBits(text) ? Optional.of(bytes) : Optional.empty();
  }

  /** "QR==" decodes like "QQ==" in lenient decoders; only the latter is canonical. */
  private static boolean hasZeroPadBits(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(n - 1) != '=') {
      return true;
    }
    boolean twoPads = text.charAt(n - 2) == '=';
    int last = ALPHABET.indexOf(text.charAt(twoPads ? n - 3 : n - 2));
    return (last & (twoPads ? 0x0f : 0x03)) == 0;
  }
}
