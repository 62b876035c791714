package io.certgate.server.account;

/**
 * The 统一社会信用代码 of GB 32100-2015: 18 characters from a 31-symbol alphabet (digits and capital
 * letters without I, O, S, V, Z); the last is a check character over the first 17, weighted by
 * powers of 3 modulo 31.
 */
public final class CreditCode {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCode() {}

  /** Whether the text is a well-formed code with a correct check character. */
  public static boolean isValid(String code) {
    if (code.length() != 18) {
      return false;
    }
    for (int i = 2; i < 8; i++) {
      // positions 3-8 are the registering authority's region code: digits only
      if (!Character.isDigit(code.charAt(i))) {
        return false;
      }
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == ALPHABET.charAt(check);
  }
}
