package io.certgate.agent.token;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes PKCS#11 blank-padded text fields. The JDK wrapper hands over one char per byte; labels
 * are UTF-8 by the standard, but Chinese vendors' modules often write GBK, so UTF-8 that does not
 * decode is read as GB18030 (a superset of GBK).
 */
final class Pkcs11Text {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private Pkcs11Text() {}

  static String decode(char[] field) {
    byte[] bytes = new byte[field.length];
    for (int i = 0; i < field.length; i++) {
      bytes[i] = (byte) field[i];
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, GB18030);
    }
    return text.replace('\u0000', ' ').strip();
  }
}
