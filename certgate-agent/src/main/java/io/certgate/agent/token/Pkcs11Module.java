package io.certgate.agent.token;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_OS_LOCKING_OK;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * One PKCS#11 module (a vendor's {@code .dll}/{@code .so}) and every token in its slots.
 *
 * <p>All work on a module is serialised by one lock: the agent serves one person, and a module is
 * re-initialised (C_Finalize, C_Initialize) before a scan so that keys inserted or removed since
 * are seen — many modules, SoftHSM2 among them, fix their slot list at C_Initialize. Nothing of a
 * token is kept between requests except this module handle; see the package documentation.
 */
final class Pkcs11Module implements KeySource {
  private static final Optional<Method> INITIALIZE = initializeMethod();

  /**
   * The JDK keeps one native handle per library path for the whole process, so the lock and the
   * initialisation state are per path too, shared by every agent instance in this JVM.
   */
  private static final ConcurrentMap<String, Handle> HANDLES = new ConcurrentHashMap<>();

  private static final class Handle {
    final ReentrantLock lock = new ReentrantLock(true);
    @Nullable PKCS11 p11;
    long lastInit;
  }

  private final Path library;
  private final String libraryName;
  private final Duration rescanInterval;
  private final Handle handle;
  private final ReentrantLock lock;
  private final List<String> problems = new ArrayList<>();

  Pkcs11Module(Path library, Duration rescanInterval) {
    this.library = library;
    this.libraryName = library.toString();
    this.rescanInterval = rescanInterval;
    this.handle = HANDLES.computeIfAbsent(libraryName, name -> new Handle());
    this.lock = handle.lock;
  }

  Path library() {
    return library;
  }

  @Override
  public List<TokenSnapshot> scan() {
    lock.lock();
    try {
      problems.clear();
      PKCS11 module = refreshed();
      List<TokenSnapshot> tokens = new ArrayList<>();
      for (long slot : module.C_GetSlotList(true)) {
        Pkcs11Reader.read(module, library, slot).ifPresent(tokens::add);
      }
      return tokens;
    } catch (PKCS11Exception | IOException | RuntimeException e) {
      problems.add("PKCS#11 module " + library + ": " + e.getMessage());
      return List.of();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<String> problems() {
    lock.lock();
    try {
      return List.copyOf(problems);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean owns(String tokenId) {
    return tokenId.startsWith(Pkcs11Reader.idPrefix(library));
  }

  @Override
  public <T> T withKey(TokenCertificate certificate, char[] pin, KeyOperation<T> operation)
      throws AgentException {
    lock.lock();
    try {
      PKCS11 module = refreshed();
      long slot = slotOf(module, certificate.tokenId());
      return Pkcs11Login.run(module, libraryName, slot, certificate, pin, operation);
    } catch (PKCS11Exception | IOException e) {
      throw Pkcs11Errors.map(e);
    } finally {
      lock.unlock();
    }
  }

  private long slotOf(PKCS11 module, String tokenId) throws PKCS11Exception, AgentException {
    for (long slot : module.C_GetSlotList(true)) {
      Optional<String> id = Pkcs11Reader.tokenId(module, library, slot);
      if (id.isPresent() && id.get().equals(tokenId)) {
        return slot;
      }
    }
    throw new AgentException(AgentError.TOKEN_NOT_PRESENT, "the key is not inserted");
  }

  /** The module, initialised once and re-initialised when the last scan is older than allowed. */
  private PKCS11 refreshed() throws IOException, PKCS11Exception {
    PKCS11 p11 = handle.p11;
    if (p11 == null) {
      CK_C_INITIALIZE_ARGS args = new CK_C_INITIALIZE_ARGS();
      args.flags = CKF_OS_LOCKING_OK;
      p11 = PKCS11.getInstance(libraryName, "C_GetFunctionList", args, false);
      handle.p11 = p11;
      handle.lastInit = System.nanoTime();
      return p11;
    }
    if (INITIALIZE.isPresent() && System.nanoTime() - handle.lastInit >= rescanInterval.toNanos()) {
      reinitialise(p11, INITIALIZE.get());
      handle.lastInit = System.nanoTime();
    }
    return p11;
  }

  private static void reinitialise(PKCS11 module, Method initialize) throws PKCS11Exception {
    module.C_Finalize(null);
    CK_C_INITIALIZE_ARGS args = new CK_C_INITIALIZE_ARGS();
    args.flags = CKF_OS_LOCKING_OK;
    try {
      initialize.invoke(module, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof PKCS11Exception p) {
        throw p;
      }
      throw new IllegalStateException("C_Initialize failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("C_Initialize not accessible", e);
    }
  }

  /**
   * The wrapper's C_Initialize is package-private in JDK 17; it is reached by reflection, which the
   * jar's manifest allows ({@code Add-Opens}). Without it the agent still works but sees new keys
   * only after a restart.
   */
  private static Optional<Method> initializeMethod() {
    try {
      Method m = PKCS11.class.getDeclaredMethod("C_Initialize", Object.class);
      m.setAccessible(true);
      return Optional.of(m);
    } catch (NoSuchMethodException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static boolean rescanAvailable() {
    return INITIALIZE.isPresent();
  }
}
