package io.certgate.agent.signing;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.token.Tokens;
import io.certgate.core.AlgorithmMismatchException;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Makes auth tokens (DESIGN.md §5): signs {@code H(origin) ‖ H(nonce)} and nothing else, with the
 * algorithm the certificate's key dictates. The origin is the one the caller observed (the HTTP
 * {@code Origin} header, or the operator's {@code --origin}), never data from a web page's body.
 */
public final class Authenticator {
  /** DESIGN.md §4: a nonce has 44 to 128 characters (32 random bytes in base64 are 44). */
  public static final int MIN_NONCE = 44;

  public static final int MAX_NONCE = 128;

  private final Tokens tokens;
  private final String agentVersion;

  public Authenticator(Tokens tokens, String agentVersion) {
    this.tokens = Objects.requireNonNull(tokens);
    this.agentVersion = Objects.requireNonNull(agentVersion);
  }

  /**
   * Signs a challenge and returns the auth token as JSON. The PIN array is cleared before this
   * returns, whatever the outcome.
   *
   * @throws AgentException {@code BAD_REQUEST} for a nonce outside 44–128 printable ASCII
   *     characters, or any refusal of {@link Tokens#withKey}
   */
  public String authenticate(String certificateId, WebOrigin origin, String nonce, char[] pin)
      throws AgentException {
    try {
      checkNonce(nonce);
      return tokens.withKey(
          certificateId,
          pin,
          (key, provider, certificate) -> {
            TokenAlgorithm alg = algorithm(certificate);
            byte[] signature = TokenSigner.sign(alg, key, provider, origin, nonce);
            return AuthTokens.toJson(
                AuthToken.of(certificate.getEncoded(), List.of(), alg, signature, agentVersion));
          });
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** Nonces are base64 or similar: printable ASCII without spaces, so none can smuggle markup. */
  public static void checkNonce(String nonce) throws AgentException {
    if (nonce.length() < MIN_NONCE || nonce.length() > MAX_NONCE) {
      throw new AgentException(
          AgentError.BAD_REQUEST,
          "nonce must have " + MIN_NONCE + " to " + MAX_NONCE + " characters");
    }
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new AgentException(AgentError.BAD_REQUEST, "nonce must be printable ASCII");
      }
    }
  }

  private static TokenAlgorithm algorithm(X509Certificate certificate)
      throws AgentException, GeneralSecurityException {
    try {
      return TokenAlgorithm.forKey(certificate.getPublicKey());
    } catch (AlgorithmMismatchException e) {
      throw new AgentException(
          AgentError.NOT_SIGNATURE_CERT, "this certificate's key type cannot sign a login", e);
    }
  }
}
