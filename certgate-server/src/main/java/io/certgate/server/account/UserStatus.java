package io.certgate.server.account;

/** Whether a user may log in. */
public enum UserStatus {
  ENABLED("正常"),
  DISABLED("停用"),
  /** Locked after too many failed logins, until the lock expires or an administrator enables it. */
  LOCKED("锁定");

  private final String label;

  UserStatus(String label) {
    this.label = label;
  }

  /** The Chinese name shown on pages. */
  public String label() {
    return label;
  }
}
