package io.certgate.agent.token;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_SERIAL_SESSION;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.Optional;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * One logged-in use of a key through a SunPKCS11 provider made for this call only.
 *
 * <p>The provider is configured with {@code destroyTokenAfterLogout}: logging out closes its
 * sessions and drops its token, so nothing of the login (and no poller thread) outlives the call.
 * The PIN goes to C_Login through {@link KeyStore#load(java.io.InputStream, char[])} and is not
 * copied here.
 */
final class Pkcs11Login {
  // PKCS#11 v2.40 §5.6 session states
  private static final long CKS_RO_USER_FUNCTIONS = 1;
  private static final long CKS_RW_USER_FUNCTIONS = 3;

  private Pkcs11Login() {}

  static <T> T run(
      PKCS11 p11,
      String library,
      long slot,
      TokenCertificate certificate,
      char[] pin,
      KeyOperation<T> operation)
      throws AgentException, PKCS11Exception {
    if (PinFlags.of(Pkcs11Reader.flags(p11, slot)).locked()) {
      throw new AgentException(AgentError.PIN_LOCKED, "the key's PIN is locked");
    }
    ensureLoggedOut(p11, slot);
    Provider provider = provider(library, slot);
    try {
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      login(store, pin, p11, slot);
      PrivateKey key =
          privateKey(store, certificate)
              .orElseThrow(
                  () ->
                      new AgentException(
                          AgentError.CERT_NOT_FOUND, "no private key for this certificate"));
      return operation.apply(key, provider, certificate.certificate());
    } catch (GeneralSecurityException e) {
      throw Pkcs11Errors.map(e);
    } finally {
      logout(provider);
    }
  }

  /**
   * PKCS#11 logins belong to the process, not to a session, and SunPKCS11 skips C_Login when the
   * token is already logged in: a login left over (a failed logout, another user of the module in
   * this JVM) would let any PIN through. So the token is logged out first, and the PIN is always
   * checked by C_Login.
   */
  private static void ensureLoggedOut(PKCS11 p11, long slot) throws PKCS11Exception {
    long session = p11.C_OpenSession(slot, CKF_SERIAL_SESSION, null, null);
    try {
      long state = p11.C_GetSessionInfo(session).state;
      if (state == CKS_RO_USER_FUNCTIONS || state == CKS_RW_USER_FUNCTIONS) {
        p11.C_Logout(session);
      }
    } finally {
      p11.C_CloseSession(session);
    }
  }

  private static void login(KeyStore store, char[] pin, PKCS11 p11, long slot)
      throws AgentException, PKCS11Exception, GeneralSecurityException {
    try {
      store.load(null, pin);
    } catch (IOException e) {
      throw loginFailure(e, p11, slot);
    }
  }

  /** After a refused PIN, the token's flags tell whether it is now locked or on its final try. */
  private static AgentException loginFailure(IOException e, PKCS11 p11, long slot)
      throws PKCS11Exception {
    Optional<Long> rv = Pkcs11Errors.returnValue(e);
    boolean refused =
        hasCause(e, FailedLoginException.class) || rv.filter(Pkcs11Errors::wrongPin).isPresent();
    if (rv.filter(v -> v == Pkcs11Errors.CKR_PIN_LOCKED).isPresent()) {
      return new AgentException(AgentError.PIN_LOCKED, "the key's PIN is locked");
    }
    if (!refused) {
      return hasCause(e, LoginException.class) && rv.isEmpty()
          ? new AgentException(AgentError.INTERNAL, "login failed: " + e.getMessage(), e)
          : Pkcs11Errors.map(e);
    }
    PinFlags flags = PinFlags.of(Pkcs11Reader.flags(p11, slot));
    if (flags.locked()) {
      return new AgentException(AgentError.PIN_LOCKED, "wrong PIN; the key's PIN is now locked");
    }
    return AgentException.pinIncorrect(
        flags.retriesLeft().stream().mapToInt(Integer::intValue).findFirst());
  }

  private static Optional<PrivateKey> privateKey(KeyStore store, TokenCertificate certificate)
      throws GeneralSecurityException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)
          && certificate.certificate().equals(store.getCertificate(alias))) {
        Key key = store.getKey(alias, null);
        if (key instanceof PrivateKey privateKey) {
          return Optional.of(privateKey);
        }
      }
    }
    return Optional.empty();
  }

  private static Provider provider(String library, long slot) throws AgentException {
    String config =
        "--name=CertGate\n"
            + "library = \""
            + library.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"\n"
            + "slot = "
            + slot
            + "\n"
            + "destroyTokenAfterLogout = true\n";
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new AgentException(AgentError.INTERNAL, "this Java runtime has no SunPKCS11 provider");
    }
    try {
      return base.configure(config);
    } catch (RuntimeException e) {
      throw Pkcs11Errors.map(e);
    }
  }

  private static void logout(Provider provider) {
    try {
      ((AuthProvider) provider).logout();
    } catch (LoginException | RuntimeException e) {
      // The token is gone, or refused the logout: a removed token keeps no login, and a module that
      // refuses C_Logout loses every login at its next re-initialisation (C_Finalize).
    }
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
