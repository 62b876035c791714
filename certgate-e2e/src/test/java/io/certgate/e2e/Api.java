package io.certgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's JSON API with a cookie jar and the CSRF double-submit (DESIGN §6), for the set-up a
 * test needs before the browser takes over (an administrator creating users and providers).
 */
final class Api {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final PlatformServer server;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private Api(PlatformServer server) {
    this.server = server;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A session logged in by password (no captcha: the account has no failed logins). */
  static Api login(PlatformServer server, String username, String password) {
    Api api = new Api(server);
    JsonNode answer =
        api.call("POST", "/api/auth/password", Map.of("username", username, "password", password));
    if (answer.path("user").isMissingNode()) {
      throw new IllegalStateException("login of " + username + " failed: " + answer);
    }
    return api;
  }

  static Api admin(PlatformServer server) {
    return login(server, PlatformServer.ADMIN, PlatformServer.ADMIN_PASSWORD);
  }

  /** Calls the API and returns the JSON answer; a non-2xx status is an error with its body. */
  JsonNode call(String method, String path, Object body) {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  JsonNode get(String path) {
    return call("GET", path, null);
  }

  HttpResponse<String> send(String method, String path, Object body) {
    if (csrfToken().isEmpty()) {
      exchange(HttpRequest.newBuilder(server.uri("/api/session")).GET());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("X-XSRF-TOKEN", csrfToken())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return exchange(request);
  }

  private String csrfToken() {
    return cookies.getCookieStore().get(URI.create(server.origin())).stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
