package io.certgate.server.region;

import org.jspecify.annotations.Nullable;

/** A platform administrator changed a region's name or CA setting. */
public record RegionUpdated(String code, String name, @Nullable Boolean caEnabled, String actor) {}
