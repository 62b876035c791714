package io.certgate.loadgen;

/**
 * Well-formed 统一社会信用代码 (GB 32100-2015) for synthetic organisations: 18 characters, the last a check
 * character over the first 17 (weights 3^i mod 31), so the server's own check accepts them.
 */
final class CreditCodes {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  /** The code {@code 91} + region + the number in 9 digits + check character. */
  static String of(String region, long number) {
    String body = "91" + region + String.format("%09d", number);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
    }
    return body + ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
