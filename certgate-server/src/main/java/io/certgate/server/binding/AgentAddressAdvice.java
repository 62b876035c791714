package io.certgate.server.binding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages where the local CA client listens ({@code certgate.ca.agent-url}, DESIGN.md §4's
 * {@code http://127.0.0.1:27150} by default); the security headers allow the same address.
 */
@ControllerAdvice
class AgentAddressAdvice {
  private final String agentUrl;

  AgentAddressAdvice(@Value("${certgate.ca.agent-url:http://127.0.0.1:27150}") String agentUrl) {
    this.agentUrl = agentUrl;
  }

  @ModelAttribute("caAgentUrl")
  String caAgentUrl() {
    return agentUrl;
  }
}
