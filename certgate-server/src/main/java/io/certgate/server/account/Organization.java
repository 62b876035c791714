package io.certgate.server.account;

import java.time.Instant;

/** An organisation (机构) trading on the platform. */
public record Organization(
    long id,
    String name,
    String regionCode,
    OrganizationKind kind,
    String creditCode,
    String createdBy,
    Instant createdAt) {}
