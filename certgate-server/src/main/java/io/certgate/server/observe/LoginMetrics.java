package io.certgate.server.observe;

import io.certgate.server.login.LoginFailed;
import io.certgate.server.login.LoginSucceeded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts logins as {@code certgate.logins{method, outcome}}: outcome {@code SUCCESS} or the error
 * code of the refusal. Tags are closed sets (three methods, DESIGN §6 codes), never the login name,
 * so the series stay few and carry no personal data.
 */
@Component
class LoginMetrics {
  private final MeterRegistry meters;

  LoginMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @EventListener
  void on(LoginSucceeded e) {
    count(e.method(), "SUCCESS");
  }

  @EventListener
  void on(LoginFailed e) {
    count(e.method(), e.reason().name());
  }

  private void count(String method, String outcome) {
    Counter.builder("certgate.logins")
        .description("Login attempts by method and outcome")
        .tag("method", method)
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }
}
