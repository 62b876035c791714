package io.certgate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadGenTest {
  @Test
  void defaultsAreTheFullRunOfIssue7() {
    LoadSettings s = LoadGen.parse(new String[0]);
    assertThat(s.plan()).isEqualTo(SeedPlan.FULL);
    assertThat(s.plan().users()).isEqualTo(1_000_000);
    assertThat(s.plan().bindings()).isEqualTo(1_000_000);
    assertThat(s.plan().bigOrganizationUsers()).isEqualTo(100_000);
  }

  @Test
  void optionsOverrideAndAcceptDigitGrouping() {
    LoadSettings s =
        LoadGen.parse(
            new String[] {
              "--users",
              "2_000",
              "--bindings",
              "2,000",
              "--big-org",
              "500",
              "--real-users",
              "4",
              "--journeys",
              "50",
              "--concurrency",
              "4"
            });
    assertThat(s.plan().users()).isEqualTo(2000);
    assertThat(s.plan().bindings()).isEqualTo(2000);
    assertThat(s.journeys()).isEqualTo(50);
    assertThat(s.concurrency()).isEqualTo(4);
  }

  @Test
  void refusesUnknownOptionsAndImpossiblePlans() {
    assertThatThrownBy(() -> LoadGen.parse(new String[] {"--user", "5"}))
        .hasMessageContaining("unknown options");
    assertThatThrownBy(() -> LoadGen.parse(new String[] {"--users", "many"}))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> LoadGen.parse(new String[] {"--users", "1000", "--big-org", "1000"}))
        .hasMessageContaining("real users");
  }
}
