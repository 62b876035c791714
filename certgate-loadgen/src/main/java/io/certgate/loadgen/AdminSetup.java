package io.certgate.loadgen;

import io.certgate.core.json.JsonArray;
import io.certgate.core.json.JsonException;
import io.certgate.core.json.JsonObject;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.testpki.CrlServer;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the seed done through the administration API as a platform administrator would: the
 * region, the three providers (revocation by CRL, failing hard), their enabling for the region, and
 * the big organisation with its administrator. Going through the API keeps these rows exactly as
 * the server writes them (validation, canonical lock-ID rule, password hash).
 */
final class AdminSetup {
  static final String REGION = "330000";
  static final String BIG_ORG_ADMIN = "bigorg-admin";
  static final String PASSWORD = "Load#Test2026";

  private final WebSession admin;

  AdminSetup(WebSession admin) {
    this.admin = admin;
  }

  void region() {
    admin.call(
        "POST",
        "/api/admin/regions",
        JsonObject.builder()
            .put("code", REGION)
            .put("name", "压测省")
            .put("caEnabled", true)
            .build()
            .toJson());
  }

  void providers(BenchPki pki, CrlServer crls) {
    List<String> codes = new ArrayList<>();
    for (TokenAlgorithm alg : BenchPki.ALGORITHMS) {
      TestProvider p = pki.provider(alg);
      JsonObject revocation =
          JsonObject.builder()
              .put("mode", "CRL")
              .put("failure", "HARD")
              .put(
                  "crlUrls",
                  JsonArray.ofStrings(
                      List.of(
                          crls.issuingCrlUrl(p.code()).toString(),
                          crls.rootCrlUrl(p.code()).toString())))
              .build();
      admin.call(
          "POST",
          "/api/admin/providers",
          JsonObject.builder()
              .put("code", p.code())
              .put("name", p.name())
              .put("enabled", true)
              .put("lockId", TestOids.LOCK_ID_EXTENSION_RULE)
              .put("revocation", revocation)
              .put("anchors", p.anchorsPem())
              .build()
              .toJson());
      codes.add(p.code());
    }
    admin.call(
        "PUT", "/api/admin/regions/" + REGION + "/providers", JsonArray.ofStrings(codes).toJson());
  }

  /** Creates the big organisation and its ORG_ADMIN; returns {organisation id, admin user id}. */
  long[] bigOrganization(String creditCode) {
    long org =
        id(
            admin.call(
                "POST",
                "/api/admin/organizations",
                JsonObject.builder()
                    .put("name", "压测大型采购中心")
                    .put("regionCode", REGION)
                    .put("kind", "PURCHASER")
                    .put("creditCode", creditCode)
                    .build()
                    .toJson()));
    long user =
        id(
            admin.call(
                "POST",
                "/api/admin/users",
                JsonObject.builder()
                    .put("organizationId", org)
                    .put("username", BIG_ORG_ADMIN)
                    .put("displayName", "大型单位管理员")
                    .put("mobile", "13900000000")
                    .put("password", PASSWORD)
                    .put("roles", JsonArray.ofStrings(List.of("ORG_ADMIN")))
                    .build()
                    .toJson()));
    return new long[] {org, user};
  }

  private static long id(JsonObject created) {
    try {
      return created.requireLong("id");
    } catch (JsonException e) {
      throw new IllegalStateException("no id in " + created.toJson(), e);
    }
  }
}
