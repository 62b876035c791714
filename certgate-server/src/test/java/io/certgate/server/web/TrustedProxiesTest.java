package io.certgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void trustsNothingByDefaultNotEvenPrivateOrLoopbackAddresses() {
    TrustedProxies none = TrustedProxies.parse("");
    for (String peer : List.of("10.0.0.1", "192.168.1.1", "172.16.0.1", "127.0.0.1", "::1")) {
      assertThat(none.trusts(peer)).as(peer).isFalse();
      assertThat(none.client(peer, List.of("198.51.100.7"))).isEqualTo(peer);
    }
  }

  @Test
  void matchesAddressesAndCidrBlocksOfBothFamilies() {
    TrustedProxies p = TrustedProxies.parse(" 10.0.0.5, 192.0.2.0/24 ,2001:db8::/32");
    assertThat(p.trusts("10.0.0.5")).isTrue();
    assertThat(p.trusts("10.0.0.6")).isFalse();
    assertThat(p.trusts("192.0.2.255")).isTrue();
    assertThat(p.trusts("192.0.3.0")).isFalse();
    assertThat(p.trusts("2001:db8:ffff::1")).isTrue();
    assertThat(p.trusts("2001:db9::1")).isFalse();
    assertThat(p.trusts("not-an-address")).isFalse();
  }

  @Test
  void walksFromTheRightThroughTrustedHopsOnly() {
    TrustedProxies p = TrustedProxies.parse("10.0.0.5,10.0.0.6");
    // client wrote "1.1.1.1"; the first proxy saw 203.0.113.9; the second proxy saw the first
    assertThat(p.client("10.0.0.6", List.of("1.1.1.1, 203.0.113.9, 10.0.0.5")))
        .isEqualTo("203.0.113.9");
    assertThat(p.client("10.0.0.6", List.of("1.1.1.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(p.client("203.0.113.9", List.of("127.0.0.1"))).isEqualTo("203.0.113.9");
    assertThat(p.client("10.0.0.5", List.of("evil.example, 203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(p.client("10.0.0.5", List.of("203.0.113.9, garbage"))).isEqualTo("10.0.0.5");
    assertThat(p.client("10.0.0.5", List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void refusesEntriesThatAreNoAddressOrBlock() {
    for (String bad :
        List.of("proxy.example", "999.0.0.1", "10.0.0.0/33", "10.0.0.0/x", "::/129")) {
      assertThatThrownBy(() -> TrustedProxies.parse(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
