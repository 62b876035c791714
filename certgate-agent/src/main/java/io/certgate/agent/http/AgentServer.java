package io.certgate.agent.http;

import com.sun.net.httpserver.HttpServer;
import io.certgate.agent.signing.Authenticator;
import io.certgate.agent.status.StatusPage;
import io.certgate.agent.token.Tokens;
import io.certgate.core.token.WebOrigin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback API of DESIGN.md §4, on {@code 127.0.0.1} only: never on another interface, so no
 * other machine can reach a user's keys.
 */
public interface AgentServer extends AutoCloseable {
  /** DESIGN.md §4's default port. */
  int DEFAULT_PORT = 27150;

  /** The bound address: always 127.0.0.1, with the actual port (useful with port 0). */
  InetSocketAddress address();

  /** Stops serving at once; a request being signed fails on the client's side. */
  @Override
  void close();

  static Builder builder() {
    return new Builder();
  }

  /** Configures and starts the server. */
  final class Builder {
    private Tokens tokens;
    private String version = "unknown";
    private String buildDate = "unknown";
    private final Set<WebOrigin> origins = new LinkedHashSet<>();
    private int port = DEFAULT_PORT;
    private int maxBodyBytes = 8 * 1024;
    private StatusPage statusPage;

    private Builder() {}

    public Builder tokens(Tokens value) {
      tokens = Objects.requireNonNull(value);
      return this;
    }

    public Builder version(String value) {
      version = Objects.requireNonNull(value);
      return this;
    }

    /** When this client was built (ISO 8601, UTC), reported by {@code /v1/status}. */
    public Builder buildDate(String value) {
      buildDate = Objects.requireNonNull(value);
      return this;
    }

    public Builder allowedOrigins(Set<WebOrigin> values) {
      origins.addAll(values);
      return this;
    }

    /** The TCP port; 0 picks a free one (tests). */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port out of range: " + value);
      }
      port = value;
      return this;
    }

    /** The largest request body accepted (default 8 KiB; an authenticate body is ~300 bytes). */
    public Builder maxBodyBytes(int value) {
      if (value < 256) {
        throw new IllegalArgumentException("body limit too small: " + value);
      }
      maxBodyBytes = value;
      return this;
    }

    public Builder statusPage(StatusPage value) {
      statusPage = Objects.requireNonNull(value);
      return this;
    }

    /** Binds to 127.0.0.1 and starts serving. */
    public AgentServer start() throws IOException {
      if (tokens == null) {
        throw new IllegalStateException("tokens are required");
      }
      ServerLimits.apply();
      InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
      HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 16);
      int bound = server.getAddress().getPort();
      StatusPage page =
          statusPage != null
              ? statusPage
              : new StatusPage(
                  version,
                  tokens.modules(),
                  tokens.skfLibraries(),
                  Optional.empty(),
                  Optional.empty());
      ApiHandler handler =
          new ApiHandler(
              new OriginPolicy(Set.copyOf(origins), bound),
              tokens,
              new Authenticator(tokens, version),
              page,
              version,
              buildDate,
              maxBodyBytes);
      server.createContext("/", handler);
      ExecutorService executor =
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "certgate-agent-http");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      server.start();
      return new RunningServer(server, executor);
    }
  }
}
