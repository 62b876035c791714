package io.certgate.agent.token;

import java.util.List;

/** One token as seen by one scan, with the certificates readable without a PIN. */
public record TokenSnapshot(TokenInfo info, List<TokenCertificate> certificates) {
  public TokenSnapshot {
    certificates = List.copyOf(certificates);
  }
}
