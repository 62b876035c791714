package io.certgate.server.calogin;

import io.certgate.server.binding.Bindings;
import io.certgate.server.binding.CaUnbound;
import io.certgate.server.login.OpenSessions;
import io.certgate.server.login.SessionFacts;
import io.certgate.server.login.SessionRule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A session opened by CA login lives as long as the binding it logged in with: unbinding it moves
 * the account's session version on, and at its next request the session finds the binding gone.
 * Sessions of the same user opened otherwise (password, SMS, another binding) go on.
 */
@Component
class CaSessions implements SessionRule {
  private final Bindings bindings;
  private final OpenSessions sessions;

  CaSessions(Bindings bindings, OpenSessions sessions) {
    this.bindings = bindings;
    this.sessions = sessions;
  }

  @Override
  public boolean holds(SessionFacts facts) {
    Long binding = facts.bindingId();
    return binding == null || bindings.find(binding).isPresent();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CaUnbound e) {
    sessions.follow(e.userId());
  }
}
