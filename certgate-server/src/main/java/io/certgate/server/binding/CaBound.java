package io.certgate.server.binding;

/** A lock was bound to a user by {@code actor}. */
public record CaBound(
    long bindingId, long userId, String providerCode, String lockId, String actor) {}
