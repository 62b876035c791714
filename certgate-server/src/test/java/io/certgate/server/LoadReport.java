package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.FaultLoad.Op;
import io.certgate.server.FaultLoad.Outcome;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts and judges the answers of a load run across an outage.
 *
 * @param title names the run in the printed report
 * @param expected what each kind of request may answer, as "status CODE" ("201 " for a success)
 * @param outageMessage what every 503 must tell the user
 */
record LoadReport(String title, Map<Op, Set<String>> expected, String outageMessage) {

  /** The answers possible while the database is away: a success, a 503, or the lock's owner. */
  static LoadReport databaseOutage() {
    return new LoadReport(
        "PostgresRestartIT",
        Map.of(
            Op.BIND, Set.of("201 ", "503 INTERNAL"),
            Op.CONTESTED_BIND, Set.of("201 ", "409 CA_ALREADY_BOUND", "503 INTERNAL"),
            Op.LOGIN, Set.of("200 ", "503 INTERNAL"),
            Op.RENEWED_LOGIN, Set.of("200 ", "503 INTERNAL")),
        "数据库暂不可用,请稍后再试");
  }

  /**
   * While Redis is away, and after it: Redis keeps no sessions across a restart, so a bind in a
   * session made before it is {@code UNAUTHENTICATED} until its client signs in again.
   */
  static LoadReport cacheOutage() {
    return new LoadReport(
        "RedisFaultIT",
        Map.of(
            Op.BIND,
            Set.of("201 ", "503 INTERNAL", "401 UNAUTHENTICATED"),
            Op.CONTESTED_BIND,
            Set.of("201 ", "409 CA_ALREADY_BOUND", "503 INTERNAL", "401 UNAUTHENTICATED"),
            Op.LOGIN,
            Set.of("200 ", "503 INTERNAL"),
            Op.RENEWED_LOGIN,
            Set.of("200 ", "503 INTERNAL")),
        "缓存服务暂不可用,请稍后再试");
  }

  void print(Collection<Outcome> outcomes, long stoppedAt, long startedAt) {
    Map<String, Long> counts =
        outcomes.stream()
            .collect(Collectors.groupingBy(Outcome::key, TreeMap::new, Collectors.counting()));
    StringBuilder out = new StringBuilder();
    out.append(
        "%s: %d requests; stopped at %d ms, started at %d ms%n"
            .formatted(title, outcomes.size(), stoppedAt, startedAt));
    counts.forEach((k, n) -> out.append("  %-40s %5d%n".formatted(k, n)));
    for (String node : new String[] {"A", "B"}) {
      long back =
          outcomes.stream()
              .filter(o -> o.node().equals(node) && o.atMillis() > startedAt && o.succeeded())
              .mapToLong(Outcome::atMillis)
              .min()
              .orElse(-1);
      long firstError =
          outcomes.stream()
              .filter(o -> o.node().equals(node) && o.status() == 503)
              .mapToLong(Outcome::atMillis)
              .min()
              .orElse(-1);
      long lastError =
          outcomes.stream()
              .filter(o -> o.node().equals(node) && o.status() == 503)
              .mapToLong(Outcome::atMillis)
              .max()
              .orElse(-1);
      out.append(
          "  node %s: 503s answered from %d to %d ms; first success after the start at %d ms (%d ms after it)%n"
              .formatted(node, firstError, lastError, back, back < 0 ? -1 : back - startedAt));
    }
    List<Outcome> unavailable =
        outcomes.stream()
            .filter(o -> o.status() == 503)
            .sorted(Comparator.comparingLong(Outcome::startMillis))
            .toList();
    out.append("  503s (node start->end ms, the first 24):");
    unavailable.stream()
        .limit(24)
        .forEach(o -> out.append(" %s %d->%d".formatted(o.node(), o.startMillis(), o.atMillis())));
    out.append('\n');
    outcomes.stream()
        .filter(o -> o.status() >= 500)
        .map(o -> o.status() + " " + o.raw())
        .distinct()
        .forEach(m -> out.append("  answer: ").append(m).append('\n'));
    System.out.print(out);
  }

  /** No 500, no dropped connection, no stack trace: only the answers each request may give. */
  void assertOnlyExpectedAnswers(Collection<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      assertThat(expected.get(o.op()))
          .as("%s on node %s answered %d %s", o.op(), o.node(), o.status(), o.raw())
          .contains(o.status() + " " + (o.status() < 300 ? "" : o.error()));
      if (o.status() >= 400) {
        assertThat(o.contentType()).as(o.raw()).contains("json");
        assertThat(o.body()).as(o.raw()).isNotNull();
        assertThat(o.body().propertyNames()).containsExactlyInAnyOrder("error", "message");
        assertThat(o.raw())
            .doesNotContain("Exception", "at io.", "at org.", "SQL", "postgres", "jdbc", "redis");
        if (o.status() == 503) {
          assertThat(o.body().path("message").asString()).isEqualTo(outageMessage);
        }
      }
    }
  }
}
