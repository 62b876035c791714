package io.certgate.server.provider;

import java.util.List;

/**
 * A certificate was accepted only because its provider relaxes these certificate profile rules
 * (issue 16): audited each time, so that a relaxation stays visible while it is in force.
 */
public record ProfileRuleRelaxed(String providerCode, String fingerprint, List<String> rules) {}
