package io.certgate.server.binding;

import java.time.Instant;

/**
 * A lock bound to an account.
 *
 * @param lockId the CA锁ID read by the provider's rule
 * @param certificateName the signature certificate's subject CN (证书名称)
 * @param serialNumber the certificate serial, uppercase hex
 * @param fingerprint lowercase hex SHA-256 of the certificate
 * @param notAfter the certificate's expiry (到期时间)
 * @param boundBy the username of who bound it
 */
public record Binding(
    long id,
    long userId,
    String providerCode,
    String lockId,
    String certificateName,
    String serialNumber,
    String subject,
    String issuer,
    String fingerprint,
    Instant notAfter,
    String boundBy,
    Instant boundAt) {}
