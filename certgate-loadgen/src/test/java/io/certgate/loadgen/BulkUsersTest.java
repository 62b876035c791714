package io.certgate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkUsersTest {
  @Test
  void namesAreZeroPaddedLikeTheFormatTheListingExpects() {
    assertThat(BulkUsers.username(42)).isEqualTo(String.format("lg%07d", 42));
    assertThat(BulkUsers.displayName(999_999)).isEqualTo(String.format("压测用户%07d", 999_999));
    assertThat(BulkUsers.padded(1_234_567_89, 9)).isEqualTo("123456789");
    assertThat(BulkUsers.padded(7, 9)).isEqualTo("000000007");
  }

  @Test
  void placementFillsTheBigOrganisationFirstThenFiftyPerOrganisation() {
    Placement at = new Placement(100, 1, 2, 3, 50);
    assertThat(at.organizationOf(0)).isEqualTo(1);
    assertThat(at.organizationOf(2)).isEqualTo(1);
    assertThat(at.organizationOf(3)).isEqualTo(2);
    assertThat(at.organizationOf(52)).isEqualTo(2);
    assertThat(at.organizationOf(53)).isEqualTo(3);
    assertThat(at.userId(53)).isEqualTo(153);
  }

  @Test
  void syntheticBindingsFollowThePatternAndAddUpToTheTotal() {
    int[] counts = BulkBindings.syntheticCounts(20, 20);
    assertThat(counts[0]).isZero();
    assertThat(counts[1]).isEqualTo(2);
    assertThat(counts[2]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(20);
    int[] more = BulkBindings.syntheticCounts(10, 15);
    assertThat(java.util.Arrays.stream(more).sum()).isEqualTo(15);
    assertThat(more).containsOnly(1, 2, 3);
  }
}
