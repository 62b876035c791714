package io.certgate.core.json;

/**
 * The number grammar of RFC 8259 §6, exactly: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]?
 * [0-9]+)?}. No leading {@code +}, no leading zeros, no bare {@code .}, no NaN or Infinity.
 */
final class JsonNumberSyntax {
  private JsonNumberSyntax() {}

  /**
   * Where the number starting at {@code start} ends (exclusive); or, when the text there is not a
   * number, {@code -(offset of the offending character) - 1}.
   */
  static int end(String text, int start) {
    int i = start;
    if (at(text, i) == '-') {
      i++;
    }
    if (at(text, i) == '0') {
      i++;
    } else if ((i = digits(text, i)) < 0) {
      return i;
    }
    if (at(text, i) == '.' && (i = digits(text, i + 1)) < 0) {
      return i;
    }
    if (at(text, i) == 'e' || at(text, i) == 'E') {
      i++;
      if (at(text, i) == '+' || at(text, i) == '-') {
        i++;
      }
      i = digits(text, i);
    }
    return i;
  }

  /** The end of one or more ASCII digits from {@code i}, or {@code -i - 1} when there is none. */
  private static int digits(String text, int i) {
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i > start ? i : -start - 1;
  }

  private static char at(String text, int i) {
    return i < text.length() ? text.charAt(i) : '\uffff';
  }
}
