package io.certgate.server.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo gateway: writes each message, code included, to the log (logger {@code
 * io.certgate.server.sms.LoggingSmsGateway}) instead of sending it. Never for production.
 */
final class LoggingSmsGateway implements SmsGateway {
  private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Override
  public void send(String mobile, String message) {
    log.info("SMS to {}: {}", mobile, message);
  }
}
