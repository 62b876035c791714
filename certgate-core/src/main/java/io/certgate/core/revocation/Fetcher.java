package io.certgate.core.revocation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads bytes from http(s) or file URIs with a timeout (connect, and the wait for the response), a
 * limit on the whole exchange, and a size cap.
 */
final class Fetcher {
  private final HttpClient client;
  private final Duration timeout;
  private final Duration limit;
  private final long maxBytes;

  Fetcher(HttpClient client, Duration timeout, Duration limit, long maxBytes) {
    this.client = client;
    this.timeout = timeout;
    this.limit = limit;
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

  /**
   * One exchange, bounded as a whole by the limit: the client's own request timeout only covers the
   * wait for the headers, so a server that sends them and then stalls would otherwise hold the
   * calling thread (a validating one, for OCSP) for as long as it likes.
   */
  private byte[] send(HttpRequest request) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new CappedBody(maxBytes)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + limit + ": " + request.uri());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? io
          : new IOException(String.valueOf(e.getCause()), e.getCause());
    }
    if (response.statusCode() != 200) {
      throw new HttpStatusException(response.statusCode(), request.uri());
    }
    return response.body();
  }

  /** The server answered, but not with 200. */
  static final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    HttpStatusException(int status, URI uri) {
      super("HTTP " + status + " from " + uri);
    }
  }
}
