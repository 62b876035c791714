package io.certgate.server.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

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
  private final JsonMapper json;

  HttpSmsGateway(URI url, String key, JsonMapper json) {
    this.url = url;
    this.key = key;
    this.json = json;
  }

  @Override
  public void send(String mobile, String message) {
    String body = json.writeValueAsString(Map.of("mobile", mobile, "message", message));
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
}
