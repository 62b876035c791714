package io.certgate.server.sms;

/** What a code is for; a code issued for one purpose is never accepted for another. */
public enum SmsPurpose {
  /** 短信验证码登录 */
  LOGIN("登录"),
  /** 忘记用户名 */
  RECOVER_USERNAME("找回用户名"),
  /** 忘记密码 */
  RESET_PASSWORD("重置密码");

  private final String label;

  SmsPurpose(String label) {
    this.label = label;
  }

  /** The Chinese words used in the message. */
  public String label() {
    return label;
  }
}
