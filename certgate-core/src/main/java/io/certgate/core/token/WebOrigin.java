package io.certgate.core.token;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin in its ASCII serialisation, {@code scheme://host[:port]} (RFC 6454 §6.2): what a
 * browser sends in {@code Origin} and what DESIGN.md §5 signs. The scheme is {@code http} or {@code
 * https}, scheme and host are in lower case, an internationalised host is in its ASCII ({@code
 * xn--}) form, an IPv6 address is in brackets and compressed ({@code [::1]}), a default port (80,
 * 443) is left out, and there is no path, trailing slash, query, fragment or user information.
 *
 * <p>Two ways in, one value out. {@link #of} reads a configured origin (the server's public origin,
 * the checker's {@code --origin}, the client's allow-list) and writes it the way a browser would,
 * so a setting such as {@code HTTPS://Www.Example.cn:443/} means the origin {@code
 * https://www.example.cn}; anything that is not an origin is refused with the reason. {@link
 * #parse} reads an {@code Origin} header and takes only the exact serialisation, since a browser
 * never sends another. Either way the value is checked once, where it enters, and then handed on:
 * nothing downstream re-parses a string.
 */
public final class WebOrigin {
  private static final int MAX_LENGTH = 255;

  private final String value;

  private WebOrigin(String value) {
    this.value = value;
  }

  /**
   * A configured origin, written as a browser serialises it. Surrounding white space and one
   * trailing slash are tolerated (the address bar shows one); case is folded; a Unicode host is
   * converted to its ASCII form; a default port is dropped.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static WebOrigin of(String text) {
    try {
      return new WebOrigin(serialise(text.strip()));
    } catch (NotAnOrigin e) {
      String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
      throw new IllegalArgumentException(
          "\""
              + shown
              + "\" is not a web origin: "
              + e.getMessage()
              + " (write scheme://host[:port], e.g. https://www.example.gov.cn)");
    }
  }

  /**
   * An origin exactly as a browser sends it in the {@code Origin} header; empty for anything else,
   * including a form {@link #of} would have accepted and rewritten.
   */
  public static Optional<WebOrigin> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      String serialised = serialise(text);
      return serialised.equals(text) ? Optional.of(new WebOrigin(text)) : Optional.empty();
    } catch (NotAnOrigin e) {
      return Optional.empty();
    }
  }

  /** The ASCII serialisation, e.g. {@code https://www.zcygov.cn} or {@code http://[::1]:8080}. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebOrigin o && o.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }

  private static String serialise(String text) throws NotAnOrigin {
    int separator = text.indexOf("://");
    if (separator <= 0) {
      throw new NotAnOrigin(text.isEmpty() ? "it is empty" : "it does not start with http(s)://");
    }
    String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new NotAnOrigin("the scheme must be http or https");
    }
    String authority = text.substring(separator + 3);
    if (authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    refuseNonAuthorityParts(authority);
    int portStart = portSeparator(authority);
    String host = host(portStart < 0 ? authority : authority.substring(0, portStart));
    int port = portStart < 0 ? -1 : port(authority.substring(portStart + 1));
    boolean defaultPort = port == (scheme.equals("http") ? 80 : 443);
    String serialised = scheme + "://" + host + (port < 0 || defaultPort ? "" : ":" + port);
    checkHostSyntax(serialised);
    if (serialised.length() > MAX_LENGTH) {
      throw new NotAnOrigin("it is longer than " + MAX_LENGTH + " characters");
    }
    return serialised;
  }

  /** An origin ends with the authority: anything that starts a path, query or login is refused. */
  private static void refuseNonAuthorityParts(String authority) throws NotAnOrigin {
    for (int i = 0; i < authority.length(); i++) {
      char c = authority.charAt(i);
      switch (c) {
        case '/', '\\' -> throw new NotAnOrigin("it has a path");
        case '?' -> throw new NotAnOrigin("it has a query");
        case '#' -> throw new NotAnOrigin("it has a fragment");
        case '@' -> throw new NotAnOrigin("it has user information");
        case '%' -> throw new NotAnOrigin("its host is percent-encoded");
        default -> {
          if (Character.isWhitespace(c) || Character.isISOControl(c)) {
            throw new NotAnOrigin("it contains white space or control characters");
          }
        }
      }
    }
  }

  /** The index of the colon before the port, or -1; the colons of an IPv6 literal do not count. */
  private static int portSeparator(String authority) throws NotAnOrigin {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new NotAnOrigin("its IPv6 address has no closing ]");
      }
      if (close + 1 < authority.length() && authority.charAt(close + 1) != ':') {
        throw new NotAnOrigin("something follows its IPv6 address");
      }
      return close + 1 < authority.length() ? close + 1 : -1;
    }
    return authority.lastIndexOf(':');
  }

  private static String host(String host) throws NotAnOrigin {
    if (host.isEmpty()) {
      throw new NotAnOrigin("it has no host");
    }
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      throw new NotAnOrigin("an IPv6 address must be written in [ ]");
    }
    if (host.startsWith("[")) {
      return ipv6(host);
    }
    try {
      return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new NotAnOrigin("its host is not a valid domain name");
    }
  }

  /**
   * An IPv6 literal in the form browsers serialise (WHATWG URL §3.5, which is RFC 5952's):
   * lower-case hex without leading zeros, the first longest run of two or more zero pieces as
   * {@code ::}, no dotted IPv4 tail. A literal in brackets is never looked up in DNS.
   */
  private static String ipv6(String bracketed) throws NotAnOrigin {
    byte[] address;
    try {
      address = InetAddress.getByName(bracketed).getAddress();
    } catch (UnknownHostException e) {
      throw new NotAnOrigin("its host is not a valid host name or IP address");
    }
    if (address.length == 4) { // ::ffff:a.b.c.d, which the JDK hands back as the IPv4 address
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(address, 0, mapped, 12, 4);
      address = mapped;
    }
    int[] pieces = new int[8];
    for (int i = 0; i < 8; i++) {
      pieces[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
    }
    return compressed(pieces);
  }

  private static String compressed(int[] pieces) {
    int compress = longestZeroRun(pieces);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < 8; i++) {
      if (i == compress) {
        out.append(i == 0 ? "::" : ":");
        while (i + 1 < 8 && pieces[i + 1] == 0) {
          i++;
        }
        continue;
      }
      out.append(Integer.toHexString(pieces[i]));
      if (i < 7) {
        out.append(':');
      }
    }
    return out.append(']').toString();
  }

  /** Where the first longest run of at least two zero pieces starts, or -1. */
  private static int longestZeroRun(int[] pieces) {
    int start = -1;
    int length = 1;
    for (int i = 0; i < pieces.length; ) {
      int j = i;
      while (j < pieces.length && pieces[j] == 0) {
        j++;
      }
      if (j - i > length) {
        start = i;
        length = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    return start;
  }

  private static int port(String text) throws NotAnOrigin {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NotAnOrigin("its port must be a number from 1 to 65535");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new NotAnOrigin("its port must be a number from 1 to 65535");
    }
    return port;
  }

  /** Host names and IP literals as RFC 2396 has them (what {@link URI} calls server-based). */
  private static void checkHostSyntax(String serialised) throws NotAnOrigin {
    try {
      if (new URI(serialised).getHost() == null) {
        throw new NotAnOrigin("its host is not a valid host name or IP address");
      }
    } catch (URISyntaxException e) {
      throw new NotAnOrigin("its host is not a valid host name or IP address");
    }
  }

  /** Why a text is not an origin; only ever turned into a message or an empty result. */
  private static final class NotAnOrigin extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnOrigin(String reason) {
      super(reason, null, false, false);
    }
  }
}
