package io.certgate.server.binding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link UserIndexes} on a real (in-memory H2) database holding only the columns it reads: which
 * organisations it keeps, that it keeps no more users than its bound (least recently used out), and
 * that a kept index is used exactly while the organisation's listing version stands.
 */
class UserIndexesTest {
  private static final AtomicLong DATABASES = new AtomicLong();

  private JdbcClient jdbc;
  private UserIndexes indexes;
  private long nextUser = 1;

  @BeforeEach
  void database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:user-indexes-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(ds);
    jdbc.sql("CREATE TABLE organizations (id BIGINT PRIMARY KEY, listing_version BIGINT NOT NULL)")
        .update();
    jdbc.sql(
            "CREATE TABLE users (id BIGINT PRIMARY KEY, organization_id BIGINT,"
                + " display_name VARCHAR(100), username VARCHAR(64), binding_count INT)")
        .update();
    // organisations of at least 3 users are kept, at most 10 users in all
    indexes = new UserIndexes(jdbc, new ListingTotals(jdbc), 3, 10);
  }

  @Test
  void smallOrganisationsAreLeftToTheDatabase() {
    organisation(1, 2);
    assertThat(indexes.find(1, null, null, 1, 10)).isEmpty();
    assertThat(indexes.holds(1)).isFalse();
  }

  @Test
  void beyondTheBoundTheLeastRecentlyUsedOrganisationIsDropped() {
    organisation(1, 4);
    organisation(2, 4);
    organisation(3, 4);
    assertThat(indexes.find(1, null, null, 1, 10)).isPresent();
    assertThat(indexes.find(2, null, null, 1, 10)).isPresent();
    assertThat(indexes.find(1, null, null, 1, 10)).isPresent();
    assertThat(indexes.find(3, null, null, 1, 10)).isPresent();
    assertThat(List.of(indexes.holds(1), indexes.holds(2), indexes.holds(3)))
        .containsExactly(true, false, true);
  }

  @Test
  void anOrganisationLargerThanTheWholeBoundIsAnsweredButNotKept() {
    organisation(1, 11);
    assertThat(indexes.find(1, null, null, 2, 10).orElseThrow().ids()).hasSize(1);
    assertThat(indexes.holds(1)).isFalse();
  }

  @Test
  void aKeptIndexServesUntilTheVersionMoves() {
    organisation(1, 4);
    assertThat(indexes.find(1, "新", null, 1, 10).orElseThrow().total()).isZero();
    long id = user(1, "新人", 1);
    // a row written without moving the version is not seen: the answer really is the kept one
    assertThat(indexes.find(1, "新", null, 1, 10).orElseThrow().total()).isZero();
    jdbc.sql("UPDATE organizations SET listing_version = listing_version + 1 WHERE id = 1")
        .update();
    UserPages.Ids found = indexes.find(1, "新", true, 1, 10).orElseThrow();
    assertThat(found.total()).isEqualTo(1);
    assertThat(found.ids()).containsExactly(id);
    assertThat(indexes.find(1, null, false, 1, 10).orElseThrow().total()).isEqualTo(4);
  }

  @Test
  void anUnknownOrganisationIsLeftToTheDatabase() {
    assertThat(indexes.find(99, null, null, 1, 10)).isEmpty();
  }

  private void organisation(long id, int users) {
    jdbc.sql("INSERT INTO organizations (id, listing_version) VALUES (?, 0)").param(id).update();
    for (int i = 0; i < users; i++) {
      user(id, "用户" + i, 0);
    }
  }

  private long user(long org, String name, int bindings) {
    long id = nextUser++;
    jdbc.sql(
            "INSERT INTO users (id, organization_id, display_name, username, binding_count)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(id, org, name, "u" + id, bindings)
        .update();
    return id;
  }
}
