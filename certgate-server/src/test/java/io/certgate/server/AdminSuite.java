package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The authorisation matrix: every administration endpoint × platform admin, org admin (own and
 * other organisation), member and anonymous. An org admin never reads or changes another
 * organisation's users.
 */
abstract class AdminSuite extends PlatformIT {
  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void storesPasswordsOnlyAsSaltedArgon2idHashes() {
    Browser admin = admin();
    long org = organization(admin, unique("哈希机构"));
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      long id = user(admin, org, "MEMBER").path("id").asLong();
      hashes.add(
          jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
              .param(id)
              .query(String.class)
              .single());
    }
    // the same password twice: two different salts, never the password itself
    assertThat(hashes)
        .allSatisfy(h -> assertThat(h).startsWith("$argon2id$").doesNotContain(PASSWORD));
    assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
  }

  record Call(String who, String method, String path, String body, int expected) {}

  @Test
  void enforcesTheMatrixOnEveryEndpoint() {
    Browser pa = admin();
    long own = organization(pa, unique("本机构"));
    long other = organization(pa, unique("他机构"));
    JsonNode ownAdmin = user(pa, own, "ORG_ADMIN");
    JsonNode ownMember = user(pa, own, "MEMBER");
    JsonNode otherMember = user(pa, other, "MEMBER");
    Browser oa = loggedIn(ownAdmin.path("username").asString(), PASSWORD);
    Browser m = loggedIn(ownMember.path("username").asString(), PASSWORD);
    Browser anon = browser();
    long ownId = ownMember.path("id").asLong();
    long otherId = otherMember.path("id").asLong();
    String region =
        "{\"code\":\""
            + (100000 + (int) (Math.random() * 800000))
            + "\",\"name\":\"区\",\"parentCode\":\"330000\"}";
    String org =
        "{\"name\":\"X\",\"regionCode\":\"339900\",\"kind\":\"AGENCY\",\"creditCode\":\""
            + creditCode()
            + "\"}";
    String change =
        "{\"displayName\":\"改名\",\"mobile\":\"" + mobile() + "\",\"roles\":[\"MEMBER\"]}";

    List<Call> calls = new ArrayList<>();
    for (String who : List.of("oa", "m", "anon")) {
      int denied = who.equals("anon") ? 401 : 403;
      calls.add(new Call(who, "POST", "/api/admin/regions", region, denied));
      calls.add(new Call(who, "GET", "/api/admin/regions", "", denied));
      calls.add(
          new Call(
              who,
              "PUT",
              "/api/admin/regions/339900",
              "{\"name\":\"培训省本级\",\"caEnabled\":null}",
              denied));
      calls.add(new Call(who, "POST", "/api/admin/organizations", org, denied));
      calls.add(new Call(who, "GET", "/api/admin/audit", "", denied));
      calls.add(new Call(who, "GET", "/api/admin/audit/verify", "", denied));
      calls.add(new Call(who, "GET", "/api/admin/organizations/" + other, "", denied));
      calls.add(new Call(who, "GET", "/api/admin/users?organizationId=" + other, "", denied));
      calls.add(new Call(who, "GET", "/api/admin/users/" + otherId, "", denied));
      calls.add(new Call(who, "PUT", "/api/admin/users/" + otherId, change, denied));
      calls.add(
          new Call(
              who,
              "PUT",
              "/api/admin/users/" + otherId + "/status",
              "{\"status\":\"DISABLED\"}",
              denied));
      calls.add(
          new Call(
              who,
              "PUT",
              "/api/admin/users/" + otherId + "/password",
              "{\"password\":\"Other#Pass2026\"}",
              denied));
      calls.add(new Call(who, "POST", "/api/admin/users", newUser(other, "MEMBER"), denied));
    }
    for (String who : List.of("m", "anon")) {
      int denied = who.equals("anon") ? 401 : 403;
      calls.add(new Call(who, "GET", "/api/admin/users/" + ownId, "", denied));
      calls.add(new Call(who, "POST", "/api/admin/users", newUser(own, "MEMBER"), denied));
      calls.add(new Call(who, "GET", "/api/admin/organizations", "", denied));
    }
    // the organisation administrator within its own organisation
    calls.add(new Call("oa", "GET", "/api/admin/organizations/" + own, "", 200));
    calls.add(new Call("oa", "GET", "/api/admin/users/" + ownId, "", 200));
    calls.add(new Call("oa", "PUT", "/api/admin/users/" + ownId, change, 200));
    calls.add(
        new Call(
            "oa", "PUT", "/api/admin/users/" + ownId + "/status", "{\"status\":\"ENABLED\"}", 200));
    calls.add(new Call("oa", "POST", "/api/admin/users", newUser(own, "MEMBER"), 201));
    calls.add(new Call("oa", "POST", "/api/admin/users", newUser(own, "PLATFORM_ADMIN"), 403));
    // the platform administrator everywhere
    calls.add(new Call("pa", "GET", "/api/admin/users/" + otherId, "", 200));
    calls.add(new Call("pa", "POST", "/api/admin/users", newUser(other, "ORG_ADMIN"), 201));
    calls.add(new Call("pa", "POST", "/api/admin/organizations", org, 201));
    calls.add(new Call("pa", "POST", "/api/admin/regions", region, 201));
    calls.add(new Call("pa", "GET", "/api/admin/audit/verify", "", 200));

    List<String> failures = new ArrayList<>();
    for (Call c : calls) {
      Browser b =
          switch (c.who()) {
            case "pa" -> pa;
            case "oa" -> oa;
            case "m" -> m;
            default -> anon;
          };
      Browser.Res r =
          switch (c.method()) {
            case "GET" -> b.get(c.path());
            case "POST" -> b.post(c.path(), c.body());
            default -> b.put(c.path(), c.body());
          };
      if (r.status() != c.expected()) {
        failures.add(c + " -> " + r.status() + " " + r.body());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void anOrgAdminListsOnlyItsOwnOrganisationAndUsers() {
    Browser pa = admin();
    long own = organization(pa, unique("本机构"));
    long other = organization(pa, unique("他机构"));
    JsonNode ownAdmin = user(pa, own, "ORG_ADMIN");
    user(pa, own, "MEMBER");
    String otherName = user(pa, other, "MEMBER").path("username").asString();
    Browser oa = loggedIn(ownAdmin.path("username").asString(), PASSWORD);
    JsonNode orgs = oa.get("/api/admin/organizations").json();
    assertThat(orgs).hasSize(1);
    assertThat(orgs.get(0).path("id").asLong()).isEqualTo(own);
    JsonNode users = oa.get("/api/admin/users?size=100").json();
    assertThat(users.path("total").asLong()).isEqualTo(2);
    for (JsonNode u : users.path("items")) {
      assertThat(u.path("organizationId").asLong()).isEqualTo(own);
    }
    Browser.Res page = oa.get("/admin/users");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("员工管理").doesNotContain(otherName);
  }

  @Test
  void storesMetacharactersAndShowsThemEscaped() {
    Browser pa = admin();
    String name = "<script>alert('x')</script>\"; DROP TABLE users; --";
    long org = organization(pa, name + unique(""));
    Browser.Res json = pa.get("/api/admin/organizations/" + org);
    assertThat(json.json().path("name").asString()).startsWith(name);
    Browser.Res page = pa.get("/admin/organizations");
    assertThat(page.body())
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(pa.get("/api/admin/users").status()).isEqualTo(200);
  }

  @Test
  void regionsInheritTheCaSetting() {
    Browser pa = admin();
    region(pa);
    String child = String.valueOf(400000 + (int) (Math.random() * 99999));
    pa.post(
        "/api/admin/regions",
        "{\"code\":\"" + child + "\",\"name\":\"子区\",\"parentCode\":\"330000\"}");
    JsonNode regions = pa.get("/api/admin/regions").json();
    for (JsonNode r : regions) {
      if (r.path("code").asString().equals(child)) {
        assertThat(r.path("caEnabled").isNull()).isTrue();
        assertThat(r.path("effectiveCaEnabled").asBoolean()).isTrue();
      }
    }
    Browser.Res off =
        pa.put("/api/admin/regions/" + child, "{\"name\":\"子区\",\"caEnabled\":false}");
    assertThat(off.json().path("effectiveCaEnabled").asBoolean()).isFalse();
    assertThat(
            pa.post("/api/admin/regions", "{\"code\":\"" + child + "\",\"name\":\"重复\"}").status())
        .isEqualTo(409);
  }

  @Test
  void refusesAnInvalidCreditCode() {
    Browser pa = admin();
    region(pa);
    String good = creditCode();
    char last = good.charAt(17);
    String bad = good.substring(0, 17) + (last == '0' ? '1' : '0');
    Browser.Res r =
        pa.post(
            "/api/admin/organizations",
            "{\"name\":\"坏代码\",\"regionCode\":\"339900\",\"kind\":\"SUPPLIER\",\"creditCode\":\""
                + bad
                + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("BAD_REQUEST");
  }

  private String newUser(long org, String role) {
    return "{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"新人\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
        .formatted(org, unique("n"), mobile(), PASSWORD, role);
  }
}
