package io.certgate.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client with its own cookie jar, speaking real HTTP to the running server the way the pages'
 * script does: it repeats the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} on every write.
 */
public final class Browser {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private boolean sendCsrf = true;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Browser(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A response: status, raw body, parsed JSON (or null), and headers. */
  public record Res(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String error() {
      return json().path("error").asString();
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  /**
   * Sends this header on every request, e.g. {@code X-Forwarded-For} to stand for one client among
   * many behind a load balancer.
   */
  public Browser header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Browser withoutCsrf() {
    sendCsrf = false;
    return this;
  }

  public Res get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Res post(String path, String json) {
    return send(write(path, json).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Res put(String path, String json) {
    return send(write(path, json).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Res delete(String path) {
    return send(write(path, "").DELETE());
  }

  public Res raw(HttpRequest.Builder builder) {
    return send(builder);
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public void setCookie(String name, String value) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
    HttpCookie c = new HttpCookie(name, value);
    c.setPath("/");
    c.setVersion(0);
    cookies.getCookieStore().add(uri("/"), c);
  }

  /** Makes sure the CSRF cookie is present, as the login page does with GET /api/session. */
  public Browser csrf() {
    if (cookie("XSRF-TOKEN").isEmpty()) {
      get("/api/session");
    }
    return this;
  }

  private HttpRequest.Builder write(String path, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    if (sendCsrf) {
      csrf();
      cookie("XSRF-TOKEN").ifPresent(t -> b.header("X-XSRF-TOKEN", t));
    }
    return b;
  }

  private Res send(HttpRequest.Builder builder) {
    headers.forEach(builder::header);
    try {
      HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
