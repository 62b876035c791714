package io.certgate.server.account;

import java.util.Locale;
import java.util.Optional;

/**
 * The complexity rule for new passwords: 8 to 64 characters, at least three of the four classes
 * (lower case, upper case, digit, other), and not containing the username.
 */
public final class PasswordPolicy {
  /** The rule as shown to users. */
  public static final String RULE = "密码须为8-64位,至少包含大写字母、小写字母、数字、符号中的三种,且不能包含用户名";

  private PasswordPolicy() {}

  /** Why the password is refused, or empty when it is acceptable. */
  public static Optional<String> violation(String username, String password) {
    if (password.length() < 8 || password.length() > 64) {
      return Optional.of(RULE);
    }
    int classes = 0;
    classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (classes < 3) {
      return Optional.of(RULE);
    }
    if (!username.isEmpty()
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of(RULE);
    }
    return Optional.empty();
  }
}
