package io.certgate.server.binding;

/** A bound lock presented a renewed certificate; the binding now holds the new one. */
public record CaRenewed(
    long bindingId, long userId, String oldSerial, String newSerial, String fingerprint) {}
