package io.certgate.core.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads bytes from http(s) or file URIs with a timeout and a size cap. */
final class Fetcher {
  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;

  Fetcher(HttpClient client, Duration timeout, long maxBytes) {
    this.client = client;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  static HttpClient defaultClient(Duration timeout) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  byte[] get(URI uri) throws IOException {
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      Path path = Path.of(uri);
      if (Files.size(path) > maxBytes) {
        throw new IOException("larger than " + maxBytes + " bytes: " + uri);
      }
      return Files.readAllBytes(path);
    }
    return send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
  }

  byte[] post(URI uri, String contentType, byte[] body) throws IOException {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private byte[] send(HttpRequest request) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new HttpStatusException(response.statusCode(), request.uri());
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IOException("larger than " + maxBytes + " bytes: " + request.uri());
      }
      return bytes;
    }
  }

  /** The server answered, but not with 200. */
  static final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    HttpStatusException(int status, URI uri) {
      super("HTTP " + status + " from " + uri);
    }
  }
}
