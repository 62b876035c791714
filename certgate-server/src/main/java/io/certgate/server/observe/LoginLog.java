package io.certgate.server.observe;

import io.certgate.server.login.LoginFailed;
import io.certgate.server.login.LoginSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One log line per login attempt, with method, outcome and who: the account name on success, the
 * name or mobile as typed (at most 64 characters) on failure. The events carry no password, code,
 * captcha answer or token, so none can reach the log from here. In structured format (ECS or
 * Logstash, see {@code CERTGATE_LOG_FORMAT}) the same facts are separate fields: {@code event},
 * {@code method}, {@code outcome}, {@code user} (and {@code userId} on success).
 */
@Component
class LoginLog {
  private static final Logger log = LoggerFactory.getLogger(LoginLog.class);

  @EventListener
  void on(LoginSucceeded e) {
    log.atInfo()
        .setMessage("login {} by {}: SUCCESS")
        .addArgument(e.method())
        .addArgument(e.username())
        .addKeyValue("event", "login")
        .addKeyValue("method", e.method())
        .addKeyValue("outcome", "SUCCESS")
        .addKeyValue("user", e.username())
        .addKeyValue("userId", e.userId())
        .log();
  }

  @EventListener
  void on(LoginFailed e) {
    log.atInfo()
        .setMessage("login {} by {}: {}")
        .addArgument(e.method())
        .addArgument(e.login())
        .addArgument(e.reason().name())
        .addKeyValue("event", "login")
        .addKeyValue("method", e.method())
        .addKeyValue("outcome", e.reason().name())
        .addKeyValue("user", e.login())
        .log();
  }
}
