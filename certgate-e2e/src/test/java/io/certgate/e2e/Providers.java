package io.certgate.e2e;

import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Registers the test providers with the server the way a platform administrator does (DESIGN §6)
 * and enables them for the demo province, whose regions inherit them.
 */
final class Providers {
  static final String PROVINCE = "330000";

  private Providers() {}

  static void register(PlatformServer server, List<TestProvider> providers) {
    Api admin = Api.admin(server);
    for (TestProvider provider : providers) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("code", provider.code());
      body.put("name", provider.name());
      body.put("enabled", true);
      body.put("lockId", TestOids.LOCK_ID_EXTENSION_RULE);
      // revocation is the server's and core's own tests' subject; here it would only add servers
      body.put("revocation", Map.of("mode", "NONE"));
      body.put("anchors", provider.anchorsPem());
      admin.call("POST", "/api/admin/providers", body);
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode provider : admin.get("/api/admin/providers")) {
      codes.add(provider.path("code").asString());
    }
    admin.call("PUT", "/api/admin/regions/" + PROVINCE + "/providers", codes);
  }
}
