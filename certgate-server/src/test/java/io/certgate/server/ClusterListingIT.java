package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The CA用户管理 listing kept in each node's memory stays exact across a cluster: two nodes on one
 * PostgreSQL and Redis, each answering an organisation's listing from its own memory (kept from 3
 * users here instead of 2,000, so the organisation can be made through the API), see a user created
 * and a user renamed on the other node in their very next answer.
 */
class ClusterListingIT {
  private static TestCluster cluster;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster =
        TestCluster.start(
            "cluster-listing", 2, "--certgate.captcha=always", "--certgate.listing.memory-from=3");
    a = cluster.node(0);
    b = cluster.node(1);
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eachNodeSeesAUserCreatedOrRenamedOnTheOtherAtOnce() {
    Browser onA = ClusterNodes.admin(a);
    Browser onB = ClusterNodes.admin(b);
    onA.post("/api/admin/regions", "{\"code\":\"330000\",\"name\":\"浙江省\",\"caEnabled\":true}");
    onA.post(
        "/api/admin/regions", "{\"code\":\"339900\",\"name\":\"培训省本级\",\"parentCode\":\"330000\"}");
    Browser.Res org =
        onA.post(
            "/api/admin/organizations",
            "{\"name\":\"集群列表%s\",\"regionCode\":\"339900\",\"kind\":\"SUPPLIER\",\"creditCode\":\"%s\"}"
                .formatted(tag(), PlatformIT.creditCode()));
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    long id = org.json().path("id").asLong();
    String tag = tag();
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      users.add(user(onA, id, tag + i, "成员" + tag + i));
    }
    double memoryA = memoryAnswers(a);
    double memoryB = memoryAnswers(b);
    assertThat(ids(onA, id, tag)).isEqualTo(users);
    assertThat(ids(onB, id, tag)).isEqualTo(users);

    users.add(user(onB, id, tag + "b", "成员" + tag + "b"));
    assertThat(ids(onA, id, tag)).isEqualTo(users);

    String renamed = "改名" + tag;
    JsonNode first = onA.get("/api/admin/users/" + users.get(0)).json();
    Browser.Res r =
        onA.put(
            "/api/admin/users/" + users.get(0),
            "{\"displayName\":\"%s\",\"mobile\":\"%s\",\"roles\":[\"MEMBER\"]}"
                .formatted(renamed, first.path("mobile").asString()));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(ids(onB, id, renamed)).containsExactly(users.get(0));
    assertThat(ids(onB, id, "成员" + tag)).isEqualTo(users.subList(1, 4));

    assertThat(memoryAnswers(a) - memoryA).isGreaterThanOrEqualTo(2);
    assertThat(memoryAnswers(b) - memoryB).isGreaterThanOrEqualTo(3);
  }

  private static String tag() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  private static long user(Browser admin, long org, String username, String name) {
    Browser.Res r =
        admin.post(
            "/api/admin/users",
            "{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"%s\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"MEMBER\"]}"
                .formatted(org, username, name, PlatformIT.mobile(), PlatformIT.PASSWORD));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  private static List<Long> ids(Browser admin, long org, String name) {
    Browser.Res r =
        admin.get(
            "/api/ca/users?organizationId=%d&name=%s"
                .formatted(org, URLEncoder.encode(name, StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.json().path("items").forEach(i -> out.add(i.path("userId").asLong()));
    assertThat(r.json().path("total").asLong()).isEqualTo(out.size());
    return out;
  }

  private static double memoryAnswers(ConfigurableApplicationContext node) {
    return node.getBean(MeterRegistry.class)
        .counter("certgate.listing.answers", "source", "memory")
        .count();
  }
}
