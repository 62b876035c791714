package io.certgate.server.audit;

import java.time.Instant;

/** One row of the audit log, with its place in the hash chain. */
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
    String hash) {}
