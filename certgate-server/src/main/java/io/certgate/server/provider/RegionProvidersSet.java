package io.certgate.server.provider;

import java.util.List;

/** A region's list of enabled providers was replaced. */
public record RegionProvidersSet(String regionCode, List<String> providerCodes, String actor) {}
