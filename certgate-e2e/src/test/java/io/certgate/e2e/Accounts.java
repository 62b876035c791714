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
  record Account(long id, String username, String displayName, String mobile) {}

  private Accounts() {}

  /** A new member of the demo organisation, created by the platform administrator. */
  static Account newMember(PlatformServer server, String displayName) {
    Api admin = Api.admin(server);
    long organization = organizationId(admin, DEMO_ORGANIZATION);
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
        user.path("username").asString(),
        user.path("displayName").asString(),
        user.path("mobile").asString());
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
