package io.certgate.agent.token;

import io.certgate.agent.AgentException;
import java.util.List;

/** One place keys come from: a PKCS#11 module, an SKF library or the soft-key folder. */
interface KeySource {

  /** The tokens present now. A failing source reports no tokens and a problem, never throws. */
  List<TokenSnapshot> scan();

  /** What went wrong at the last scan, for the status page ("module X failed to load"). */
  List<String> problems();

  /** Whether a token id belongs to this source. */
  boolean owns(String tokenId);

  /**
   * Logs in to the token with the PIN, runs the operation with the certificate's private key and
   * logs out. The PIN array is not kept; the caller clears it.
   */
  <T> T withKey(TokenCertificate certificate, char[] pin, KeyOperation<T> operation)
      throws AgentException;
}
