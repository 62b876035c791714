package io.certgate.server.account;

/** The kinds of organisation on an e-procurement platform. */
public enum OrganizationKind {
  PURCHASER("采购单位"),
  SUPPLIER("供应商"),
  AGENCY("代理机构");

  private final String label;

  OrganizationKind(String label) {
    this.label = label;
  }

  /** The Chinese name shown on pages. */
  public String label() {
    return label;
  }
}
