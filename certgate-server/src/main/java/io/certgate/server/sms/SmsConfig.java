package io.certgate.server.sms;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the gateway: {@code certgate.sms.gateway=log} (default, the demo) or {@code http} with
 * {@code certgate.sms.http.url} and {@code certgate.sms.http.key}.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfig {

  @Bean
  SmsGateway smsGateway(
      @Value("${certgate.sms.gateway:log}") String kind,
      @Value("${certgate.sms.http.url:}") String url,
      @Value("${certgate.sms.http.key:}") String key,
      JsonMapper json) {
    return switch (kind) {
      case "log" -> new LoggingSmsGateway();
      case "http" -> {
        if (url.isBlank()) {
          throw new IllegalStateException("certgate.sms.gateway=http needs certgate.sms.http.url");
        }
        yield new HttpSmsGateway(URI.create(url), key, json);
      }
      default -> throw new IllegalStateException("certgate.sms.gateway must be log or http");
    };
  }
}
