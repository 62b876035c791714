package io.certgate.agent.token;

import io.certgate.agent.AgentException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;

/**
 * What is done with a private key while its token is logged in. The key and provider are valid only
 * during the call: the token is logged out right after.
 */
@FunctionalInterface
public interface KeyOperation<T> {
  T apply(PrivateKey key, Provider provider, X509Certificate certificate)
      throws GeneralSecurityException, AgentException;
}
