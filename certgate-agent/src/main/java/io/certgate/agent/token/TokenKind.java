package io.certgate.agent.token;

/**
 * Where a key lives: a PKCS#11 token (USB key, smart card, HSM), an SKF device (GM/T 0016 USB key)
 * or a PKCS#12 soft-key file.
 */
public enum TokenKind {
  PKCS11("pkcs11"),
  SKF("skf"),
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
