package io.certgate.server.binding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link UserIndex} alone: its pages, totals and the literal, case-sensitive name match. */
class UserIndexTest {
  private static UserIndex index() {
    UserIndex.Builder b = new UserIndex.Builder(7);
    b.user(10, "张三", "zs");
    b.user(20, "100%纯", "a_b");
    b.user(30, "AbC", "x\\y");
    b.user(40, "abc", "u40");
    b.bound(20);
    b.bound(40);
    b.bound(99); // not a user of the organisation: ignored
    return b.build();
  }

  @Test
  void pagesAreSlicesOfTheIdOrderAndPastTheEndIsEmptyWithTheTotal() {
    UserIndex i = index();
    assertThat(i.version()).isEqualTo(7);
    assertThat(i.find(null, null, 1, 3).ids()).containsExactly(10L, 20L, 30L);
    assertThat(i.find(" ", null, 2, 3).ids()).containsExactly(40L);
    UserPages.Ids past = i.find(null, null, 3, 3);
    assertThat(past.total()).isEqualTo(4);
    assertThat(past.ids()).isEmpty();
  }

  @Test
  void wildcardsAreLiteralAndCaseCounts() {
    UserIndex i = index();
    assertThat(i.find("%", null, 1, 10).ids()).containsExactly(20L);
    assertThat(i.find("_", null, 1, 10).ids()).containsExactly(20L);
    assertThat(i.find("\\", null, 1, 10).ids()).containsExactly(30L);
    assertThat(i.find("abc", null, 1, 10).ids()).containsExactly(40L);
    assertThat(i.find(" AbC ", null, 1, 10).ids()).containsExactly(30L);
    assertThat(i.find("a%b", null, 1, 10).total()).isZero();
  }

  @Test
  void boundFiltersCombineWithTheNameAndPage() {
    UserIndex i = index();
    assertThat(i.find(null, true, 1, 10).ids()).containsExactly(20L, 40L);
    assertThat(i.find(null, false, 1, 10).ids()).containsExactly(10L, 30L);
    UserPages.Ids second = i.find("b", true, 2, 1);
    assertThat(second.total()).isEqualTo(2);
    assertThat(second.ids()).containsExactly(40L);
    assertThat(i.find("zs", true, 1, 10).total()).isZero();
  }

  @Test
  void usersOutOfIdOrderAreRefused() {
    UserIndex.Builder b = new UserIndex.Builder(1);
    b.user(5, "a", "a");
    assertThatThrownBy(() -> b.user(5, "b", "b")).isInstanceOf(IllegalStateException.class);
  }
}
