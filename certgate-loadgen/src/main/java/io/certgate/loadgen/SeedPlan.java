package io.certgate.loadgen;

/**
 * How much to seed.
 *
 * @param users organisation users in total (the big organisation's included; the platform
 *     administrator is not)
 * @param bindings CA bindings in total (the real ones included)
 * @param bigOrganizationUsers users of the one big organisation (100,000 in the full run), its
 *     administrator included
 * @param usersPerOrganization users of each of the other organisations
 * @param realUsersPerAlgorithm users per token algorithm bound to a real test-PKI certificate
 */
public record SeedPlan(
    int users,
    int bindings,
    int bigOrganizationUsers,
    int usersPerOrganization,
    int realUsersPerAlgorithm) {

  /** The full run of issue 7: 1,000,000 users, 1,000,000 bindings, one organisation of 100,000. */
  public static final SeedPlan FULL = new SeedPlan(1_000_000, 1_000_000, 100_000, 50, 200);

  public SeedPlan {
    if (bigOrganizationUsers < 1 || usersPerOrganization < 1 || realUsersPerAlgorithm < 1) {
      throw new IllegalArgumentException("every count must be at least 1");
    }
    int others = users - bigOrganizationUsers;
    if (others < 3 * realUsersPerAlgorithm) {
      throw new IllegalArgumentException(
          "users outside the big organisation must hold the real users: " + others);
    }
    if (bindings < 3 * realUsersPerAlgorithm) {
      throw new IllegalArgumentException("bindings must include the real ones: " + bindings);
    }
    if (bindings > 2L * (users - 3L * realUsersPerAlgorithm) + 3L * realUsersPerAlgorithm) {
      throw new IllegalArgumentException("at most two synthetic bindings per user: " + bindings);
    }
  }

  /** Organisations other than the big one. */
  int smallOrganizations() {
    int others = users - bigOrganizationUsers;
    return (others + usersPerOrganization - 1) / usersPerOrganization;
  }
}
