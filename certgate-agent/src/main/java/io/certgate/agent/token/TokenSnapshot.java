package io.certgate.agent.token;

import java.util.List;

/**
 * One token as seen by one scan, with the user certificates readable without a PIN. CA certificates
 * that vendors store beside them are left out: nobody logs in with one.
 */
public record TokenSnapshot(TokenInfo info, List<TokenCertificate> certificates) {
  public TokenSnapshot {
    certificates = List.copyOf(certificates);
  }
}
