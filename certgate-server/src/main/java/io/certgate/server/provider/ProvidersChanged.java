package io.certgate.server.provider;

/**
 * A provider was created or changed by {@code actor} ({@code created} tells which); the trust
 * configuration has been rebuilt.
 */
public record ProvidersChanged(String code, boolean created, String actor) {}
