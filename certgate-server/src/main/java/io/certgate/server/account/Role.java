package io.certgate.server.account;

/** What a user may do on the platform (DESIGN.md §1). */
public enum Role {
  /** 运营机构管理员: regions, CA providers, every organisation. */
  PLATFORM_ADMIN("运营机构管理员"),
  /** 机构管理员: the users of one organisation. */
  ORG_ADMIN("机构管理员"),
  /** 经办人: their own account. */
  MEMBER("经办人");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The Chinese name shown on pages. */
  public String label() {
    return label;
  }
}
