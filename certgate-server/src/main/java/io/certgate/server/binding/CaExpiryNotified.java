package io.certgate.server.binding;

/** The owner of a binding was told by SMS that its certificate expires in {@code daysBefore}. */
public record CaExpiryNotified(long bindingId, long userId, int daysBefore, boolean delivered) {}
