package io.certgate.server.login;

import io.certgate.server.account.PasswordChanged;
import io.certgate.server.account.UserStatusChanged;
import io.certgate.server.account.UserUpdated;
import io.certgate.server.account.Users;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Makes open sessions follow their account: after a change commits, the account's session version
 * moves on and is marked for every node ({@link AccountMarks}), before the request that made the
 * change is answered. {@link SessionGuard} does the rest at each session's next request.
 */
@Component
public class OpenSessions {
  private final Users users;
  private final AccountMarks marks;

  OpenSessions(Users users, AccountMarks marks) {
    this.users = users;
    this.marks = marks;
  }

  /** Open sessions of the user look at the account again at their next request. */
  public void follow(long userId) {
    marks.raise(userId, users.touchSessions(userId));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(UserUpdated e) {
    follow(e.id());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(UserStatusChanged e) {
    follow(e.id());
  }

  /**
   * Every session of the user ends, except the one that changed its own password: it goes on with
   * the new epoch.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void on(PasswordChanged e) {
    follow(e.id());
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      HttpSession session = request.getRequest().getSession(false);
      if (session != null
          && session.getAttribute(SessionFacts.ATTRIBUTE) instanceof SessionFacts facts
          && facts.userId() == e.id()) {
        users
            .find(e.id())
            .ifPresent(u -> session.setAttribute(SessionFacts.ATTRIBUTE, facts.following(u)));
      }
    }
  }
}
