package io.certgate.server.web;

import io.certgate.server.api.StartupRefused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every later reader of {@code getRemoteAddr()} — per-address limits, the audit log, the
 * login log — the client's address as {@link TrustedProxies} resolves it, and keeps the
 * connection's own peer in the request attribute {@link #PEER} for rules that must not depend on
 * any header (the metrics endpoint's loopback rule). {@code X-Forwarded-Proto} is believed from a
 * trusted proxy too, so that cookies and redirects know the client used HTTPS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class ClientAddressFilter extends OncePerRequestFilter {
  /** The request attribute holding the address of the connection's peer. */
  static final String PEER = ClientAddressFilter.class.getName() + ".peer";

  private final TrustedProxies proxies;

  ClientAddressFilter(
      @Value("${certgate.trusted-proxies:}") String trusted,
      @Value("${server.forward-headers-strategy:none}") String containerStrategy) {
    if (!containerStrategy.strip().equalsIgnoreCase("none")) {
      // Tomcat's own handling trusts every private address as a proxy
      throw new StartupRefused(
          "server.forward-headers-strategy is '" + containerStrategy + "'.",
          "Remove SERVER_FORWARD_HEADERS_STRATEGY and list the reverse proxies in"
              + " CERTGATE_TRUSTED_PROXIES (addresses or CIDR blocks).");
    }
    try {
      this.proxies = TrustedProxies.parse(trusted);
    } catch (IllegalArgumentException e) {
      throw new StartupRefused(
          "CERTGATE_TRUSTED_PROXIES has '"
              + e.getMessage()
              + "', which is no address or CIDR block.",
          "List IP addresses or CIDR blocks, comma-separated, e.g. 10.0.0.5,192.0.2.0/24.");
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String peer = request.getRemoteAddr();
    request.setAttribute(PEER, peer);
    List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
    if (proxies.isEmpty() || forwardedFor.isEmpty() || !proxies.trusts(peer)) {
      chain.doFilter(request, response);
      return;
    }
    String client = proxies.client(peer, forwardedFor);
    String proto = request.getHeader("X-Forwarded-Proto");
    boolean https = proto != null && proto.strip().toLowerCase(Locale.ROOT).equals("https");
    chain.doFilter(new Forwarded(request, client, https), response);
  }

  private static final class Forwarded extends HttpServletRequestWrapper {
    private final String client;
    private final boolean https;

    Forwarded(HttpServletRequest request, String client, boolean https) {
      super(request);
      this.client = client;
      this.https = https;
    }

    @Override
    public String getRemoteAddr() {
      return client;
    }

    @Override
    public String getRemoteHost() {
      return client;
    }

    @Override
    public boolean isSecure() {
      return https || super.isSecure();
    }

    @Override
    public String getScheme() {
      return https ? "https" : super.getScheme();
    }
  }
}
