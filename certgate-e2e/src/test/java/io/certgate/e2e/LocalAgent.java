package io.certgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The packaged {@code certgate-agent.jar run} on a fixed port (the one the server's pages are told
 * about), allowing one origin, with a soft-key folder and SoftHSM2 as its PKCS#11 module. It can be
 * stopped and started again on the same port to show the pages without a running client.
 */
final class LocalAgent implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path jar;
  private final Path work;
  private final int port;
  private final Map<String, String> environment;
  private Optional<JarProcess> process = Optional.empty();

  LocalAgent(
      Path jar, Path work, int port, String origin, TestKeys keys, Map<String, String> extra) {
    this.jar = jar;
    this.work = work;
    this.port = port;
    Map<String, String> env = new HashMap<>(keys.softHsm().environment());
    env.put("CERTGATE_AGENT_PORT", String.valueOf(port));
    env.put("CERTGATE_AGENT_ORIGINS", origin);
    env.put("CERTGATE_AGENT_SOFTKEYS", keys.softKeys().toString());
    env.put("CERTGATE_AGENT_PKCS11", keys.softHsm().modulePath().toString());
    // only SoftHSM2: vendor modules that happen to be installed on the machine stay out
    env.put("CERTGATE_AGENT_PKCS11_BUILTIN", "false");
    env.put("CERTGATE_AGENT_SKF_BUILTIN", "false");
    env.put("CERTGATE_AGENT_CONFIG", work.resolve("agent.properties").toString());
    env.putAll(extra);
    this.environment = Map.copyOf(env);
  }

  /** The URL the pages use to reach this agent. */
  static String url(int port) {
    return "http://127.0.0.1:" + port;
  }

  String url() {
    return url(port);
  }

  synchronized void start() {
    if (process.isPresent()) {
      return;
    }
    JarProcess started =
        JarProcess.start(
            "certgate-agent", jar, List.of("run"), environment, work.resolve("agent.log"));
    try {
      started.awaitHttp(URI.create(url() + "/v1/status"), Map.of(), Duration.ofMinutes(1));
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    process = Optional.of(started);
  }

  /** Stops the agent, as a user who never installed it (or quit it) would have it. */
  synchronized void stop() {
    process.ifPresent(JarProcess::close);
    process = Optional.empty();
  }

  /**
   * The agent's id of a certificate ({@code GET /v1/certificates}), as the pages' selects use it.
   */
  String certificateId(X509Certificate certificate, String origin) throws Exception {
    String der = Base64.getEncoder().encodeToString(certificate.getEncoded());
    for (JsonNode c : certificates(origin)) {
      if (c.path("certificate").asString().equals(der)) {
        return c.path("id").asString();
      }
    }
    throw new AssertionError("the agent does not list " + certificate.getSubjectX500Principal());
  }

  /** {@code GET /v1/status}. */
  JsonNode status(String origin) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/v1/status"))
                .header("Origin", origin)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Api.JSON.readTree(response.body());
  }

  /** Every certificate the agent lists, signature and encryption ones. */
  JsonNode certificates(String origin) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/v1/certificates"))
                .header("Origin", origin)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Api.JSON.readTree(response.body()).path("certificates");
  }

  @Override
  public void close() {
    stop();
  }
}
