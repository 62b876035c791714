package io.certgate.server.binding;

import java.time.Instant;

/**
 * A binding as the API shows it (DESIGN.md §6).
 *
 * @param boundBy the username of who bound it
 */
public record BindingView(
    long id,
    long userId,
    String providerCode,
    String providerName,
    String lockId,
    String certificateName,
    String serialNumber,
    Instant notAfter,
    String boundBy,
    Instant boundAt) {}
