package io.certgate.server.challenge;

import io.certgate.core.challenge.Challenge;
import io.certgate.core.challenge.ChallengeGenerator;
import io.certgate.core.challenge.ChallengePurpose;
import io.certgate.core.challenge.ChallengeRules;
import io.certgate.core.challenge.ChallengeStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and redeems the challenges of DESIGN.md §6, bound to the requesting HTTP session.
 *
 * <p>A challenge records a random key kept as a session attribute rather than the raw session id:
 * the container may change the id of a live session (Spring Security's fixation protection does),
 * and the id is a credential that should not be copied into another store. A request without that
 * session (another browser, a forged cross-site login) cannot present the key, so its challenge is
 * {@code CHALLENGE_UNKNOWN}.
 */
@Component
public class CaChallenges {
  static final String SESSION_KEY = CaChallenges.class.getName() + ".key";

  private final ChallengeGenerator generator;
  private final ChallengeStore store;
  private final SecureRandom random;
  private final Clock clock;

  CaChallenges(
      ChallengeGenerator generator, ChallengeStore store, SecureRandom random, Clock clock) {
    this.generator = generator;
    this.store = store;
    this.random = random;
    this.clock = clock;
  }

  Challenge issueLogin(HttpServletRequest request) {
    Challenge c = generator.login(sessionKey(request.getSession(true)));
    store.save(c);
    return c;
  }

  Challenge issueBind(HttpServletRequest request, long userId) {
    Challenge c = generator.bind(sessionKey(request.getSession(true)), String.valueOf(userId));
    store.save(c);
    return c;
  }

  /**
   * The challenge step for the token validator: takes the challenge (once, whatever the outcome)
   * and checks session, purpose and target user.
   *
   * @param targetUserId the user a bind is for; empty for login
   */
  public io.certgate.core.auth.ChallengeCheck check(
      HttpServletRequest request,
      String challengeId,
      ChallengePurpose purpose,
      Optional<Long> targetUserId) {
    HttpSession session = request.getSession(false);
    String key = session != null && session.getAttribute(SESSION_KEY) instanceof String s ? s : "";
    Optional<String> target = targetUserId.map(String::valueOf);
    return () -> ChallengeRules.redeem(store, challengeId, key, purpose, target, clock).nonce();
  }

  private String sessionKey(HttpSession session) {
    synchronized (session) {
      if (session.getAttribute(SESSION_KEY) instanceof String key) {
        return key;
      }
      byte[] b = new byte[18];
      random.nextBytes(b);
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      session.setAttribute(SESSION_KEY, key);
      return key;
    }
  }
}
