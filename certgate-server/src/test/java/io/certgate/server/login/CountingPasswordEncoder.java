package io.certgate.server.login;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The platform's password hashing (Argon2id, the production settings), counting how many stored or
 * decoy hashes it has been asked to compare against: the tests show that every refused login costs
 * one comparison, whatever the reason.
 */
public final class CountingPasswordEncoder implements PasswordEncoder {
  private final PasswordEncoder hashing = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final AtomicLong comparisons = new AtomicLong();

  @Override
  public String encode(CharSequence rawPassword) {
    return hashing.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    comparisons.incrementAndGet();
    return hashing.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return hashing.upgradeEncoding(encodedPassword);
  }

  /** Comparisons made so far in this application context. */
  public long comparisons() {
    return comparisons.get();
  }
}
