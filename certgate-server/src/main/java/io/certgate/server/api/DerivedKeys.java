package io.certgate.server.api;

/**
 * Keys derived from the one secret every node of a deployment must already share (the audit key),
 * one per purpose, so that a feature needing a node-shared key adds no setting of its own. A
 * derived key never reveals the secret or another purpose's key.
 */
@FunctionalInterface
public interface DerivedKeys {

  /** 32 bytes, the same on every node configured with the same secret, for {@code purpose}. */
  byte[] derive(String purpose);
}
