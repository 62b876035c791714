package io.certgate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesAreNearestRankInMilliseconds() {
    Latencies l = new Latencies(100);
    for (int i = 0; i < 100; i++) {
      l.set(i, (100 - i) * 1_000_000L); // 100 ms … 1 ms, unsorted on purpose
    }
    assertThat(l.percentileMillis(50)).isEqualTo(50.0);
    assertThat(l.percentileMillis(99)).isEqualTo(99.0);
    assertThat(l.percentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void aJourneyIsItsChallengePlusItsLogin() {
    Latencies challenge = new Latencies(2);
    Latencies login = new Latencies(2);
    challenge.set(0, 1_000_000);
    challenge.set(1, 9_000_000);
    login.set(0, 5_000_000);
    login.set(1, 2_000_000);
    Latencies journey = challenge.plus(login);
    assertThat(journey.get(0)).isEqualTo(6_000_000);
    assertThat(journey.get(1)).isEqualTo(11_000_000);
  }
}
