package io.certgate.agent.token;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One SKF library (a vendor's {@code .dll}/{@code .so}) and the devices it sees: a key source of
 * kind {@code skf}.
 *
 * <p>Devices are enumerated again at every scan and every signature, so keys inserted or removed
 * while the agent runs are seen at once. All calls go through {@link SkfCalls}: one at a time, on
 * the library's own thread, with a timeout. A library that does not load, lacks functions or
 * crashes a call is reported as a problem and left out; the other key sources go on.
 */
final class SkfLibrary implements KeySource {
  private static final System.Logger LOG = System.getLogger(SkfLibrary.class.getName());

  static {
    // On Windows JNA turns a crashing native call into an Error (structured exception handling)
    // instead of ending the process. Elsewhere its protected mode replaces the JVM's own SIGSEGV
    // handling (the JVM relies on it for null checks and safepoints) and crashes the JVM: off.
    if (Platform.isWindows()) {
      Native.setProtected(true);
    }
  }

  private final Path path;
  private final String idPrefix;
  private final SkfCalls calls;
  private final List<String> problems = new ArrayList<>();
  private @Nullable SkfNative lib;
  private @Nullable String unusable;

  SkfLibrary(Path path, Duration timeout) {
    this.path = path;
    this.idPrefix = idPrefix(path);
    this.calls = new SkfCalls(path.toString(), timeout);
  }

  static String idPrefix(Path library) {
    return "skf-" + Ids.fingerprint(library.toString().getBytes(StandardCharsets.UTF_8), 3) + "-";
  }

  @Override
  public synchronized List<TokenSnapshot> scan() {
    problems.clear();
    try {
      SkfNative loaded = loaded();
      SkfScan.Result result = calls.run(() -> new SkfScan(loaded, idPrefix).tokens());
      problems.addAll(result.problems());
      result.problems().forEach(p -> LOG.log(Level.WARNING, p));
      return result.tokens();
    } catch (AgentException e) {
      problem(e.getMessage());
    } catch (ExecutionException e) {
      failed(e.getCause());
    }
    return List.of();
  }

  @Override
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public synchronized void checkAvailable() throws AgentException {
    loaded();
    calls.checkNotBlocked();
  }

  @Override
  public boolean owns(String tokenId) {
    return tokenId.startsWith(idPrefix);
  }

  @Override
  public synchronized <T> T withKey(
      TokenCertificate certificate, char[] pin, KeyOperation<T> operation) throws AgentException {
    SkfNative loaded = loaded();
    Memory nativePin = nativePin(pin);
    try {
      return calls.run(() -> new SkfLogin(loaded, idPrefix).run(certificate, nativePin, operation));
    } catch (ExecutionException e) {
      throw failed(e.getCause());
    } finally {
      // If the call timed out, the library thread still holds it and wipes it when it gets to it.
      if (!calls.busy()) {
        nativePin.clear();
      }
    }
  }

  /** The library, loaded at first use; a library that cannot be used stays so until restart. */
  private SkfNative loaded() throws AgentException {
    if (lib != null) {
      return lib;
    }
    if (unusable == null) {
      try {
        lib = SkfNative.load(path);
        return lib;
      } catch (SkfLoadException e) {
        unusable = "SKF library " + path + " " + e.getMessage();
        LOG.log(Level.WARNING, unusable);
      }
    }
    throw new AgentException(AgentError.INTERNAL, unusable);
  }

  /** A crash inside the library (JNA's protected mode) or a bug here: the library is dropped. */
  private AgentException failed(Throwable cause) {
    String message = "SKF library " + path + " failed: " + cause;
    if (cause instanceof Error) {
      unusable = message;
      lib = null;
    }
    LOG.log(Level.WARNING, message);
    problem(message);
    return new AgentException(AgentError.INTERNAL, message, cause);
  }

  private void problem(String message) {
    problems.add(message);
  }

  /** The PIN as a NUL-terminated C string in native memory; the intermediate copies are wiped. */
  private static Memory nativePin(char[] pin) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Memory m = new Memory(bytes.length + 1L);
    m.clear();
    m.write(0, bytes, 0, bytes.length);
    Arrays.fill(bytes, (byte) 0);
    encoded.clear();
    while (encoded.hasRemaining()) {
      encoded.put((byte) 0);
    }
    return m;
  }

  /** Reads a certificate, or reports why it cannot be read. */
  static Optional<X509Certificate> readCertificate(
      SkfWalk walk, com.sun.jna.Pointer container, boolean sign, List<String> problems)
      throws SkfException {
    try {
      return walk.certificate(container, sign);
    } catch (CertificateException e) {
      problems.add("an SKF container holds an unreadable certificate: " + e.getMessage());
      return Optional.empty();
    }
  }
}
