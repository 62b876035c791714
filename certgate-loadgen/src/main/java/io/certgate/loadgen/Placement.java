package io.certgate.loadgen;

/**
 * Where synthetic user number {@code i} (0-based) sits: its id and its organisation. The first
 * {@code bigUsers} go to the big organisation, the others {@code perOrganization} to each small one
 * in id order.
 */
record Placement(
    long firstUserId,
    long bigOrganizationId,
    long firstSmallOrganizationId,
    int bigUsers,
    int perOrganization) {

  long userId(int i) {
    return firstUserId + i;
  }

  long organizationOf(int i) {
    return i < bigUsers
        ? bigOrganizationId
        : firstSmallOrganizationId + (i - bigUsers) / perOrganization;
  }
}
