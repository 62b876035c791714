package io.certgate.server.binding;

/** A binding was removed by {@code actor}. */
public record CaUnbound(
    long bindingId, long userId, String providerCode, String lockId, String actor) {}
