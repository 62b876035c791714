package io.certgate.server.api;

/**
 * Checks for free text such as names: trimmed, not empty, bounded, and without control characters.
 * HTML and SQL metacharacters are allowed and stored as they are: queries bind parameters and pages
 * escape on output, so a name like {@code <b>O'Brien</b>} is data, not code.
 */
public final class Inputs {
  private Inputs() {}

  /** The trimmed text, or {@code BAD_REQUEST} naming the field. */
  public static String text(String value, String field, int maxLength) {
    String text = value.strip();
    if (text.isEmpty() || text.length() > maxLength) {
      throw ApiException.badRequest("字段无效: " + field);
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw ApiException.badRequest("字段无效: " + field);
    }
    return text;
  }
}
