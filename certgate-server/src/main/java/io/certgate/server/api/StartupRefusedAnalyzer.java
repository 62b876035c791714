package io.certgate.server.api;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link StartupRefused} as Boot's "APPLICATION FAILED TO START" report. */
final class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
