package io.certgate.server.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log, with its place in the chain and the id of the key whose MAC its hash is
 * ({@code null} for rows of the unkeyed era).
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String target,
    String clientIp,
    String outcome,
    String reason,
    String prevHash,
    String hash,
    @Nullable String keyId) {}
