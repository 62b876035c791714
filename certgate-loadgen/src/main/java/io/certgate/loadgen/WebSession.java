package io.certgate.loadgen;

import io.certgate.core.json.Json;
import io.certgate.core.json.JsonException;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One browser's worth of state against the server: its cookies (session and {@code XSRF-TOKEN}) and
 * the CSRF double-submit of DESIGN.md §6 on every state-changing request. Not thread safe: one
 * session belongs to one journey at a time.
 *
 * <p>Plain {@link HttpURLConnection} keeps the client cheap (blocking I/O on the calling thread,
 * the JDK's keep-alive pool), so the load generator spends little of the shared CPU itself.
 */
public final class WebSession {
  static {
    // the JDK keeps only 5 idle connections per destination by default: fewer than the client
    // threads, so connections would be closed and reopened during the run
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "256");
    }
  }

  private final String origin;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public WebSession(String origin) {
    this.origin = origin;
  }

  /** An HTTP answer: status and body text. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    /** The body as a JSON object; an {@link IllegalStateException} if it is not one. */
    public JsonObject json() {
      try {
        return Json.parseObject(body, JsonLimits.DEFAULT);
      } catch (JsonException e) {
        throw new IllegalStateException("not a JSON object (" + status + "): " + body, e);
      }
    }
  }

  public Response get(String path) {
    return exchange("GET", path, Optional.empty());
  }

  /** POSTs a JSON body with the CSRF header (fetching the cookie first if there is none yet). */
  public Response post(String path, String json) {
    ensureCsrfCookie();
    return exchange("POST", path, Optional.of(json));
  }

  public Response put(String path, String json) {
    ensureCsrfCookie();
    return exchange("PUT", path, Optional.of(json));
  }

  /** Makes sure the {@code XSRF-TOKEN} cookie is there: the page load a browser does first. */
  public void ensureCsrfCookie() {
    if (!cookies.containsKey("XSRF-TOKEN")) {
      Response r = get("/api/session");
      if (!cookies.containsKey("XSRF-TOKEN")) {
        throw new IllegalStateException("GET /api/session set no XSRF-TOKEN: " + r);
      }
    }
  }

  /** Calls the API and expects 2xx; anything else is an {@link IllegalStateException}. */
  public JsonObject call(String method, String path, String json) {
    Response r =
        switch (method) {
          case "POST" -> post(path, json);
          case "PUT" -> put(path, json);
          default -> get(path);
        };
    if (!r.ok()) {
      throw new IllegalStateException(method + " " + path + " -> " + r.status() + " " + r.body());
    }
    return r.json();
  }

  private Response exchange(String method, String path, Optional<String> body) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(origin + path).toURL().openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(10_000);
      c.setReadTimeout(60_000);
      c.setUseCaches(false);
      c.setInstanceFollowRedirects(false);
      c.setRequestProperty("Accept", "application/json");
      if (!cookies.isEmpty()) {
        c.setRequestProperty("Cookie", cookieHeader());
      }
      String csrf = cookies.get("XSRF-TOKEN");
      if (csrf != null && !"GET".equals(method)) {
        c.setRequestProperty("X-XSRF-TOKEN", csrf);
      }
      if (body.isPresent()) {
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = c.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = c.getResponseCode();
      remember(c.getHeaderFields().get("Set-Cookie"));
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      // reading the whole body lets the connection go back to the keep-alive pool
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (in != null) {
        in.close();
      }
      return new Response(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }

  private String cookieHeader() {
    StringBuilder header = new StringBuilder();
    cookies.forEach(
        (name, value) -> {
          if (header.length() > 0) {
            header.append("; ");
          }
          header.append(name).append('=').append(value);
        });
    return header.toString();
  }

  private void remember(List<String> setCookies) {
    if (setCookies == null) {
      return;
    }
    for (String line : setCookies) {
      String pair = line.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      boolean expired = line.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
      if (expired || value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }
}
