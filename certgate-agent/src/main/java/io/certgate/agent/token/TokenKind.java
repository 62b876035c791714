package io.certgate.agent.token;

/** Where a key lives: a PKCS#11 token (USB key, smart card, HSM) or a PKCS#12 soft-key file. */
public enum TokenKind {
  PKCS11("pkcs11"),
  PKCS12("pkcs12");

  private final String wireName;

  TokenKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the API's {@code kind} field. */
  public String wireName() {
    return wireName;
  }
}
