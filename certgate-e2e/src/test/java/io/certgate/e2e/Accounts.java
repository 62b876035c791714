package io.certgate.e2e;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Fresh accounts for tests that change an account's state (failed logins, a new password). */
final class Accounts {
  static final String DEMO_ORGANIZATION = "培训省大河商贸有限公司";
  static final String PASSWORD = "E2e#Member2026";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a test needs to know of an account it created. */
  record Account(
      long id, long organizationId, String username, String displayName, String mobile) {}

  private Accounts() {}

  /** A new member of the demo organisation, created by the platform administrator. */
  static Account newMember(PlatformServer server, String displayName) {
    Api admin = Api.admin(server);
    return newMember(admin, organizationId(admin, DEMO_ORGANIZATION), displayName);
  }

  /** A new member of a new supplier in the demo region. */
  static Account newMemberOfNewOrganization(PlatformServer server, String displayName) {
    Api admin = Api.admin(server);
    String code = creditCode("91339900E2E" + String.format("%06d", RANDOM.nextInt(1_000_000)));
    JsonNode organization =
        admin.call(
            "POST",
            "/api/admin/organizations",
            Map.of(
                "name",
                "端到端乙方公司" + code.substring(11, 17),
                "regionCode",
                "339900",
                "kind",
                "SUPPLIER",
                "creditCode",
                code));
    return newMember(admin, organization.path("id").asLong(), displayName);
  }

  private static Account newMember(Api admin, long organization, String displayName) {
    String suffix = String.format("%08d", RANDOM.nextInt(100_000_000));
    JsonNode user =
        admin.call(
            "POST",
            "/api/admin/users",
            Map.of(
                "organizationId",
                organization,
                "username",
                "e2e" + suffix,
                "displayName",
                displayName,
                "mobile",
                "139" + suffix,
                "password",
                PASSWORD,
                "roles",
                List.of("MEMBER")));
    return new Account(
        user.path("id").asLong(),
        organization,
        user.path("username").asString(),
        user.path("displayName").asString(),
        user.path("mobile").asString());
  }

  /** Appends the check character of GB 32100-2015 to the first 17 characters of a 统一社会信用代码. */
  static String creditCode(String first17) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
    }
    return first17 + alphabet.charAt((31 - sum % 31) % 31);
  }

  static long organizationId(Api admin, String name) {
    for (JsonNode organization : admin.get("/api/admin/organizations")) {
      if (organization.path("name").asString().equals(name)) {
        return organization.path("id").asLong();
      }
    }
    throw new IllegalStateException("no organisation named " + name);
  }
}
