package io.certgate.server.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code CERTGATE_TRUSTED_PROXIES}:
 * addresses and CIDR blocks, comma-separated; default none). Nothing is trusted for being private
 * or loopback: on a shared network any host could claim to be a proxy, and a client that reached a
 * node directly could then choose its own address for the per-address limits and the audit log.
 */
final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int bits = network.length * 8;
      BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
      mask = mask.shiftRight(bits - prefix).shiftLeft(bits - prefix);
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Parses {@code 10.0.0.5, 192.0.2.0/24, 2001:db8::/32}; blank is none.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or CIDR block
   */
  static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int slash = e.indexOf('/');
      byte[] address =
          literal(slash < 0 ? e : e.substring(0, slash))
              .orElseThrow(() -> new IllegalArgumentException(e))
              .getAddress();
      int prefix = address.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException x) {
          throw new IllegalArgumentException(e);
        }
        if (prefix < 0 || prefix > address.length * 8) {
          throw new IllegalArgumentException(e);
        }
      }
      blocks.add(new Block(address, prefix));
    }
    return new TrustedProxies(blocks);
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  boolean trusts(String address) {
    return literal(address)
        .map(a -> blocks.stream().anyMatch(b -> b.contains(a.getAddress())))
        .orElse(false);
  }

  /**
   * The client's address: from the connection's peer leftwards through the {@code X-Forwarded-For}
   * hops, as long as each hop is a trusted proxy; the first untrusted one is the client. Entries
   * left of it are whatever the client wrote and are ignored, as is a header from an untrusted
   * peer. A hop that is no address literal stops the walk at the proxy that passed it on.
   */
  String client(String peer, List<String> forwardedFor) {
    if (blocks.isEmpty() || forwardedFor.isEmpty() || !trusts(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    String current = peer;
    for (int i = hops.size() - 1; i >= 0 && trusts(current); i--) {
      Optional<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        return current;
      }
      current = hop.get().getHostAddress();
    }
    return current;
  }

  /** An IP address literal (never a name: no DNS lookup), brackets around IPv6 allowed. */
  static Optional<InetAddress> literal(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    boolean v4 = IPV4.matcher(t).matches();
    if (!v4 && !IPV6.matcher(t).matches()
        || v4 && Arrays.stream(t.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
      // anything else would make InetAddress look the text up as a host name
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
