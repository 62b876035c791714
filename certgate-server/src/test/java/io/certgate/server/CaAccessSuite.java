package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may bind, unbind and list whom (DESIGN.md §9), and one lock under concurrent binds. */
abstract class CaAccessSuite extends CaPlatformIT {

  @Test
  void authorisationMatrixOfTheCaEndpoints() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long orgA = s.organization();
    long orgB = organizationIn(admin, s.region());
    JsonNode memberA = user(admin, orgA, "MEMBER");
    JsonNode otherA = user(admin, orgA, "MEMBER");
    JsonNode adminA = user(admin, orgA, "ORG_ADMIN");
    JsonNode memberB = user(admin, orgB, "MEMBER");
    Browser asMember = loggedIn(memberA.path("username").asString(), PASSWORD);
    Browser asOrgAdmin = loggedIn(adminA.path("username").asString(), PASSWORD);
    long me = memberA.path("id").asLong();
    long other = otherA.path("id").asLong();
    long foreign = memberB.path("id").asLong();

    // member: itself only
    assertThat(bind(asMember, me, lock(s)).status()).isEqualTo(201);
    assertThat(bind(asMember, other, lock(s)).status()).isEqualTo(403);
    assertThat(bind(asMember, foreign, lock(s)).status()).isEqualTo(403);
    // org admin: its organisation's users, not another organisation's
    assertThat(bind(asOrgAdmin, adminA.path("id").asLong(), lock(s)).status()).isEqualTo(201);
    assertThat(bind(asOrgAdmin, other, lock(s)).status()).isEqualTo(201);
    assertThat(bind(asOrgAdmin, foreign, lock(s)).status()).isEqualTo(403);
    // platform admin: anyone
    Browser.Res foreignBound = bind(admin, foreign, lock(s));
    assertThat(foreignBound.status()).isEqualTo(201);
    long foreignBinding = foreignBound.json().path("id").asLong();
    // a forged bind without a challenge for a forbidden target is refused before the token
    Browser.Res forged = postBinding(asMember, other, "x", "{}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.error()).isEqualTo("FORBIDDEN");

    long otherBinding =
        asOrgAdmin
            .get("/api/ca/bindings?account=" + otherA.path("username").asString())
            .json()
            .path("items")
            .get(0)
            .path("id")
            .asLong();
    assertThat(asMember.delete("/api/ca/bindings/" + otherBinding).status()).isEqualTo(403);
    assertThat(asOrgAdmin.delete("/api/ca/bindings/" + foreignBinding).status()).isEqualTo(403);
    assertThat(asOrgAdmin.delete("/api/ca/bindings/" + otherBinding).status()).isEqualTo(204);

    JsonNode mine = asMember.get("/api/ca/users").json();
    assertThat(mine.path("total").asLong()).isEqualTo(1);
    assertThat(mine.path("items").get(0).path("userId").asLong()).isEqualTo(me);
    assertThat(asMember.get("/api/ca/bindings").json().path("total").asLong()).isEqualTo(1);
    JsonNode orgUsers = asOrgAdmin.get("/api/ca/users?size=100").json();
    assertThat(orgUsers.path("total").asLong()).isEqualTo(3);
    assertThat(asOrgAdmin.get("/api/ca/users?organizationId=" + orgB).status()).isEqualTo(403);
    assertThat(admin.get("/api/ca/users?organizationId=" + orgB).json().path("total").asLong())
        .isEqualTo(1);
    assertThat(admin.get("/api/ca/bindings?organizationId=" + orgA).json().path("total").asLong())
        .isEqualTo(2);
    assertThat(asOrgAdmin.get("/api/ca/users?page=0").status()).isEqualTo(400);
  }

  @Test
  void listingsFilterAndPage() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    String tag = unique("梅");
    for (int i = 0; i < 12; i++) {
      String username = unique("f");
      Browser.Res r =
          admin.post(
              "/api/admin/users",
              "{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"%s%d\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"MEMBER\"]}"
                  .formatted(s.organization(), username, tag, i, mobile(), PASSWORD));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      if (i < 3) {
        assertThat(bind(admin, r.json().path("id").asLong(), lock(s)).status()).isEqualTo(201);
      }
    }
    String org = "organizationId=" + s.organization();
    JsonNode page2 = admin.get("/api/ca/users?" + org + "&page=2&size=10").json();
    assertThat(page2.path("total").asLong()).isEqualTo(12);
    assertThat(page2.path("page").asInt()).isEqualTo(2);
    assertThat(page2.path("items").size()).isEqualTo(2);
    assertThat(admin.get("/api/ca/users?" + org + "&bound=true").json().path("total").asLong())
        .isEqualTo(3);
    assertThat(
            admin.get("/api/ca/users?" + org + "&name=" + tag + "1").json().path("total").asLong())
        .isEqualTo(3); // 1, 10, 11
    assertThat(admin.get("/api/ca/users?" + org + "&name=%25").json().path("total").asLong())
        .isZero();
    assertThat(admin.get("/api/ca/users?" + org + "&name=_").json().path("total").asLong())
        .isZero();
    assertThat(admin.get("/api/ca/bindings?" + org + "&name=%25").json().path("total").asLong())
        .isZero();
    assertThat(admin.get("/api/ca/bindings?" + org + "&name=" + tag).json().path("total").asLong())
        .isEqualTo(3);
  }

  @Test
  void fiftyConcurrentBindsOfOneLockLeaveExactlyOneBinding() throws Exception {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    Credential lock = lock(s);
    int n = 50;
    List<Long> users = new ArrayList<>();
    List<String[]> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long id = user(admin, s.organization(), "MEMBER").path("id").asLong();
      JsonNode ch = challenge(admin, "BIND", id);
      users.add(id);
      requests.add(
          new String[] {
            ch.path("challengeId").asString(), token(lock, ch.path("nonce").asString(), ORIGIN)
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Browser.Res>> results = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        int k = i;
        results.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return postBinding(admin, users.get(k), requests.get(k)[0], requests.get(k)[1]);
                },
                pool));
      }
      start.countDown();
      List<Browser.Res> done = results.stream().map(CompletableFuture::join).toList();
      assertThat(done.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
      assertThat(done.stream().filter(r -> r.status() == 409).map(Browser.Res::error))
          .hasSize(n - 1)
          .containsOnly("CA_ALREADY_BOUND");
    } finally {
      pool.shutdownNow();
    }
    JsonNode bound =
        admin.get("/api/ca/users?organizationId=" + s.organization() + "&bound=true").json();
    assertThat(bound.path("total").asLong()).isEqualTo(1);
  }

  private static Credential lock(Setup s) {
    return s.provider().issueUser("锁").signature();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
