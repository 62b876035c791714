package io.certgate.agent.token;

import io.certgate.agent.AgentException;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The private key of an SKF container, usable only while its application is logged in (during
 * {@link KeySource#withKey}). It signs through the device; nothing of the key is in memory.
 */
final class SkfPrivateKey implements PrivateKey {
  private static final long serialVersionUID = 1L;

  /** What the device does: {@code SKF_ECCSignData} over e, or {@code SKF_RSASignData}. */
  @FunctionalInterface
  interface DeviceSigner {
    byte[] sign(byte[] input) throws SkfException, AgentException;
  }

  private final String algorithm;
  private final transient PublicKey publicKey;
  private final transient DeviceSigner signer;

  SkfPrivateKey(String algorithm, PublicKey publicKey, DeviceSigner signer) {
    this.algorithm = algorithm;
    this.publicKey = publicKey;
    this.signer = signer;
  }

  /** {@code EC} (SM2) or {@code RSA}. */
  @Override
  public String getAlgorithm() {
    return algorithm;
  }

  /** The key never leaves the device. */
  @Override
  public String getFormat() {
    return null;
  }

  @Override
  public byte[] getEncoded() {
    return null;
  }

  PublicKey publicKey() {
    return publicKey;
  }

  byte[] sign(byte[] input) throws SkfException, AgentException {
    return signer.sign(input);
  }
}
