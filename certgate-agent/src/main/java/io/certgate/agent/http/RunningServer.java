package io.certgate.agent.http;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/** A started {@link AgentServer}. */
final class RunningServer implements AgentServer {
  private final HttpServer server;
  private final ExecutorService executor;

  RunningServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  @Override
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
