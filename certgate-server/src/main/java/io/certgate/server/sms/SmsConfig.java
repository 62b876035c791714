package io.certgate.server.sms;

import io.certgate.server.api.DerivedKeys;
import io.certgate.server.api.StartupRefused;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the gateway: {@code certgate.sms.gateway=http} with {@code certgate.sms.http.url} and
 * {@code certgate.sms.http.key}, or {@code log} (codes written to the log: the demo profile's
 * default, elsewhere only when chosen explicitly, and then with a warning at every start). With no
 * gateway chosen the server does not start: a production server that silently logged login codes
 * would let anyone who reads the log log in as anyone.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfig {
  private static final Logger log = LoggerFactory.getLogger(SmsConfig.class);

  /**
   * The key SMS codes are hashed with: configured, or derived from the audit key, which every node
   * of a cluster already shares (so codes sent through one node check on another, and survive a
   * restart).
   */
  @Bean
  SmsCodeDigest smsCodeDigest(
      @Value("${certgate.sms.code-key:}") String key, DerivedKeys derivedKeys) {
    return key.isBlank() ? SmsCodeDigest.of(derivedKeys.derive("sms-code")) : SmsCodeDigest.of(key);
  }

  @Bean
  SmsGateway smsGateway(
      @Value("${certgate.sms.gateway:}") String kind,
      @Value("${certgate.sms.http.url:}") String url,
      @Value("${certgate.sms.http.key:}") String key,
      JsonMapper json) {
    return switch (kind.strip()) {
      case "" ->
          throw new StartupRefused(
              "No SMS gateway is configured (certgate.sms.gateway / CERTGATE_SMS_GATEWAY).",
              "Set CERTGATE_SMS_GATEWAY=http with CERTGATE_SMS_URL and CERTGATE_SMS_KEY; or, for a"
                  + " test system only, CERTGATE_SMS_GATEWAY=log, which writes login codes to the log.");
      case "log" -> {
        log.warn(
            "SMS gateway 'log': login and recovery codes are written to the log, not sent."
                + " Never use it in production (CERTGATE_SMS_GATEWAY=http).");
        yield new LoggingSmsGateway();
      }
      case "http" -> {
        if (url.isBlank()) {
          throw new StartupRefused(
              "certgate.sms.gateway=http needs certgate.sms.http.url.",
              "Set CERTGATE_SMS_URL (and CERTGATE_SMS_KEY) to the SMS service.");
        }
        yield new HttpSmsGateway(URI.create(url), key, json);
      }
      default ->
          throw new StartupRefused(
              "certgate.sms.gateway is '" + kind + "'.",
              "Set CERTGATE_SMS_GATEWAY to http or log.");
    };
  }
}
