package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.KeyKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The CA用户管理 listings of an organisation with 100,000 seeded users (half bound) and its
 * administrator on PostgreSQL, through the API: exact rows at the first, deep and last pages, with
 * the 用户名称 and 是否绑定 filters, and in the bindings view, against {@link BigOrganization}'s model.
 * Correctness only; the speed is measured by the listing benchmark.
 */
@EnabledIf("io.certgate.server.PostgresServer#available")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ContextConfiguration(initializers = PostgresListingIT.OwnDatabase.class)
class PostgresListingIT extends CaPlatformIT {
  @Autowired DataSource dataSource;

  private long org;
  private JsonNode orgAdmin;

  @BeforeAll
  void seed() throws SQLException {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    org = s.organization();
    long neighbour = organizationIn(admin, s.region());
    new BigOrganization(org, neighbour).seed(dataSource, s.provider().code());
    orgAdmin = user(admin, org, "ORG_ADMIN");
  }

  @Test
  void usersComeInIdOrderAtTheFirstADeepAndTheLastPage() {
    Browser admin = admin();
    List<String> all = usernames(g -> true, true);
    assertThat(all).hasSize(100_001);
    int[][] pages = {{1, 10}, {5_000, 10}, {3_333, 30}, {10_000, 10}, {10_001, 10}, {1_001, 100}};
    for (int[] pageSize : pages) {
      JsonNode r = users(admin, "page=" + pageSize[0] + "&size=" + pageSize[1]);
      assertThat(r.path("total").asLong()).isEqualTo(100_001);
      assertThat(usernames(r)).isEqualTo(slice(all, pageSize[0], pageSize[1]));
    }
    for (JsonNode item : users(admin, "page=1&size=10").path("items")) {
      int g = Integer.parseInt(item.path("username").asString().substring(3));
      assertThat(item.path("bound").asBoolean()).isEqualTo(BigOrganization.bound(g));
      assertThat(item.path("displayName").asString()).isEqualTo(BigOrganization.displayName(g));
      List<String> locks = new ArrayList<>();
      item.path("bindings").forEach(b -> locks.add(b.path("lockId").asString()));
      assertThat(locks)
          .isEqualTo(BigOrganization.bound(g) ? List.of(BigOrganization.lockId(g)) : List.of());
    }
  }

  @Test
  void aPagePastTheLastIsEmptyAndStillCountsEveryone() {
    JsonNode r = users(admin(), "page=10002&size=10");
    assertThat(r.path("total").asLong()).isEqualTo(100_001);
    assertThat(r.path("items")).isEmpty();
    assertThat(r.path("page").asInt()).isEqualTo(10_002);
  }

  @Test
  void nameFilterFindsExactlyTheOrganisationsMatchingUsers() {
    Browser admin = admin();
    assertFiltered(admin, "name=" + enc("列表用户1234"), g -> ("" + g).startsWith("1234"), false, 2);
    assertFiltered(admin, "name=lst9999", g -> ("" + g).startsWith("9999"), false, 1);
    assertFiltered(admin, "name=" + enc("列表用户12345"), g -> g == 12_345, false);
    // 列表用户10 is the neighbour's (10 % 11 == 10): never shown, not counted
    assertThat(usernames(users(admin, "name=" + enc("列表用户10") + "&size=3")))
        .containsExactly("lst100", "lst101", "lst102");
  }

  @Test
  void boundFiltersSplitTheOrganisationAtEveryDepth() {
    Browser admin = admin();
    assertFiltered(admin, "bound=true", BigOrganization::bound, false, 1, 2_500, 5_000);
    assertFiltered(admin, "bound=false", g -> !BigOrganization.bound(g), true, 1, 2_500);
    assertFiltered(
        admin,
        "bound=true&name=" + enc("列表用户777"),
        g -> BigOrganization.bound(g) && ("" + g).startsWith("777"),
        false,
        1);
  }

  @Test
  void bindingsViewIsNewestFirstWithTheIdBreakingTies() {
    Browser admin = admin();
    List<Integer> all = BigOrganization.bindingsNewestFirst(g -> true);
    assertThat(all).hasSize(50_000);
    for (int page : new int[] {1, 2, 2_500, 4_999, 5_000}) {
      JsonNode r = bindings(admin, "page=" + page + "&size=10");
      assertThat(r.path("total").asLong()).isEqualTo(50_000);
      assertThat(locks(r)).as("page %d", page).isEqualTo(slice(all, page, 10));
    }
    List<Integer> expected =
        BigOrganization.bindingsNewestFirst(g -> BigOrganization.username(g).contains("lst1000"));
    JsonNode r = bindings(admin, "account=lst1000&size=100");
    assertThat(r.path("total").asLong()).isEqualTo(expected.size());
    assertThat(locks(r)).isEqualTo(slice(expected, 1, 100));
  }

  @Test
  void organisationAdministratorListsItsOwnOrganisationOnly() {
    Browser b = loggedIn(orgAdmin.path("username").asString(), PASSWORD);
    JsonNode last = b.get("/api/ca/users?page=10001&size=10").json();
    assertThat(last.path("total").asLong()).isEqualTo(100_001);
    assertThat(last.path("items")).hasSize(1);
    assertThat(last.path("items").get(0).path("userId").asLong())
        .isEqualTo(orgAdmin.path("id").asLong());
    assertThat(b.get("/api/ca/bindings").json().path("total").asLong()).isEqualTo(50_000);
    assertThat(b.get("/api/ca/users?bound=false").json().path("total").asLong()).isEqualTo(50_001);
    assertThat(b.get("/api/ca/users?organizationId=" + (org + 1)).status()).isEqualTo(403);
  }

  /** The filtered listing equals the model's at the pages given and at the last page. */
  private void assertFiltered(
      Browser admin, String query, IntPredicate filter, boolean withOrgAdmin, int... pages) {
    List<String> expected = usernames(filter, withOrgAdmin);
    List<Integer> checked = new ArrayList<>();
    for (int p : pages) {
      checked.add(p);
    }
    checked.add(Math.max(1, (expected.size() + 9) / 10));
    for (int page : checked) {
      JsonNode r = users(admin, query + "&page=" + page + "&size=10");
      assertThat(r.path("total").asLong()).as(query).isEqualTo(expected.size());
      assertThat(usernames(r)).as("%s page %d", query, page).isEqualTo(slice(expected, page, 10));
    }
  }

  /** The model's usernames in id order; the organisation administrator came after the seeds. */
  private List<String> usernames(IntPredicate filter, boolean withOrgAdmin) {
    List<String> out = new ArrayList<>();
    BigOrganization.members(filter).forEach(g -> out.add(BigOrganization.username(g)));
    if (withOrgAdmin) {
      out.add(orgAdmin.path("username").asString());
    }
    return out;
  }

  private JsonNode users(Browser b, String query) {
    Browser.Res r = b.get("/api/ca/users?organizationId=" + org + "&" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode json = r.json();
    json.path("items").forEach(i -> assertThat(i.path("organizationName").asString()).isNotBlank());
    return json;
  }

  private JsonNode bindings(Browser b, String query) {
    Browser.Res r = b.get("/api/ca/bindings?organizationId=" + org + "&" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> usernames(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("items").forEach(i -> out.add(i.path("username").asString()));
    return out;
  }

  private static List<Integer> locks(JsonNode page) {
    List<Integer> out = new ArrayList<>();
    page.path("items")
        .forEach(i -> out.add(Integer.parseInt(i.path("lockId").asString().substring(5))));
    return out;
  }

  private static <T> List<T> slice(List<T> all, int page, int size) {
    int from = Math.min(all.size(), (page - 1) * size);
    return all.subList(from, Math.min(all.size(), from + size));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A database of its own on the shared server, so the 110,000 rows stay out of other suites. */
  static final class OwnDatabase
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final String NAME = "certgate_listing";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String url = PostgresServer.get().jdbcUrl();
      try (Connection c = DriverManager.getConnection(url, "postgres", "");
          PreparedStatement exists =
              c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, NAME);
        try (ResultSet rs = exists.executeQuery();
            Statement s = c.createStatement()) {
          if (!rs.next()) {
            s.execute("CREATE DATABASE " + NAME);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the listing database", e);
      }
      TestPropertyValues.of(
              "spring.datasource.url=" + url.substring(0, url.lastIndexOf('/') + 1) + NAME,
              "spring.datasource.username=postgres",
              "spring.datasource.password=")
          .applyTo(context.getEnvironment());
    }
  }
}
