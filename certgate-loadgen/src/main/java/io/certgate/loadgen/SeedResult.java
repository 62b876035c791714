package io.certgate.loadgen;

import io.certgate.core.token.TokenAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What was seeded, for the scenarios that run on it.
 *
 * @param regionCode the region every organisation belongs to (CA login on, the three providers
 *     enabled)
 * @param bigOrganizationId the organisation with {@link SeedPlan#bigOrganizationUsers()} users
 * @param bigOrganizationAdmin username of its ORG_ADMIN (password {@link #password()})
 * @param password the password of every seeded user (one precomputed hash)
 * @param users organisation users seeded
 * @param bindings CA bindings seeded
 * @param organizations organisations seeded
 * @param realUsers the users with real certificates, per algorithm
 * @param timings how long each step took (for the report)
 */
public record SeedResult(
    String regionCode,
    long bigOrganizationId,
    String bigOrganizationAdmin,
    String password,
    long users,
    long bindings,
    long organizations,
    Map<TokenAlgorithm, List<BenchUser>> realUsers,
    Map<String, Duration> timings) {

  public SeedResult {
    realUsers = Map.copyOf(realUsers);
    timings = Map.copyOf(timings);
  }
}
