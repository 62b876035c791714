package io.certgate.agent.signing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin in its ASCII serialisation ({@code https://host[:port]}, RFC 6454 §6.2): what the
 * browser sends in {@code Origin} and what DESIGN.md §5 signs. Anything with a path, query,
 * credentials, a trailing slash or another scheme is not an origin.
 */
public record WebOrigin(String value) {

  /** Parses a serialised origin exactly as a browser sends it; empty if it is not one. */
  public static Optional<WebOrigin> parse(String text) {
    if (text.isEmpty() || text.length() > 255 || !text.equals(text.strip())) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getRawUserInfo() != null
        || uri.getHost() == null
        || !uri.getRawPath().isEmpty()
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (!host.equals(host.toLowerCase(Locale.ROOT))) {
      return Optional.empty(); // browsers serialise hosts in lower case
    }
    String canonical = scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    return canonical.equals(text) ? Optional.of(new WebOrigin(text)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
