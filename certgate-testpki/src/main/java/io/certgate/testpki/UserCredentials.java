package io.certgate.testpki;

import java.util.Objects;

/**
 * A user's dual certificates, as a Chinese CA puts them on one lock.
 *
 * @param lockId the lock ID embedded in both certificates
 * @param signature the signature certificate and key (shaped by the spec's variant)
 * @param encryption the encryption certificate (keyEncipherment or keyAgreement only) and key
 */
public record UserCredentials(String lockId, Credential signature, Credential encryption) {
  public UserCredentials {
    Objects.requireNonNull(lockId, "lockId");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(encryption, "encryption");
  }
}
