package io.certgate.server.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts {@code {"mobile","message"}} as JSON to the operator's SMS gateway, authenticated by the
 * configured key in the {@code X-Api-Key} header. Short timeouts: a stuck gateway must not hold a
 * login request thread.
 */
final class HttpSmsGateway implements SmsGateway {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final URI url;
  private final String key;

  HttpSmsGateway(URI url, String key) {
    this.url = url;
    this.key = key;
  }

  @Override
  public void send(String mobile, String message) {
    String body = "{\"mobile\":\"" + json(mobile) + "\",\"message\":\"" + json(message) + "\"}";
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("X-Api-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new SmsDeliveryException("SMS gateway answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new SmsDeliveryException("SMS gateway unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsDeliveryException("interrupted while sending SMS", e);
    }
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
