package io.certgate.server.region;

/** A platform administrator created a region. */
public record RegionCreated(String code, String name, String actor) {}
