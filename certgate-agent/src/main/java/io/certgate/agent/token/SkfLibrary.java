package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One SKF library (a vendor's {@code .dll}/{@code .so}) and the devices it sees: a key source of
 * kind {@code skf}.
 *
 * <p>The library runs in a process of its own ({@link SkfHost}), one per library path for the whole
 * JVM: a library that crashes or hangs a call fails that request and is started again, and never
 * takes the agent or the other key sources down. Requests to it are serialised, and each waits at
 * most the configured timeout. Devices are enumerated again at every scan and signature, so keys
 * inserted or removed while the agent runs are seen at once.
 */
final class SkfLibrary implements KeySource {
  private static final System.Logger LOG = System.getLogger(SkfLibrary.class.getName());

  /** One host per library path, shared by every agent instance of this JVM. */
  private static final ConcurrentMap<Path, SkfHostProcess> HOSTS = new ConcurrentHashMap<>();

  private final Path path;
  private final String idPrefix;
  private final Duration timeout;
  private final SkfHostProcess host;
  private final List<String> problems = new ArrayList<>();

  /**
   * The tries left that SKF_VerifyPIN last reported per token, for libraries without
   * SKF_GetPINInfo: a count, not a secret. Forgotten after a right PIN (the device resets it).
   */
  private final Map<String, Integer> reportedTries = new ConcurrentHashMap<>();

  SkfLibrary(Path path, Duration timeout) {
    this.path = path;
    this.idPrefix = idPrefix(path);
    this.timeout = timeout;
    this.host = HOSTS.computeIfAbsent(path, p -> new SkfHostProcess(p, idPrefix(p)));
  }

  static String idPrefix(Path library) {
    return "skf-" + Ids.fingerprint(library.toString().getBytes(StandardCharsets.UTF_8), 3) + "-";
  }

  @Override
  public List<TokenSnapshot> scan() {
    synchronized (host) {
      List<String> found = new ArrayList<>();
      List<TokenSnapshot> tokens = List.of();
      try {
        SkfScan.Result result =
            host.call(
                "listing the keys",
                timeout,
                out -> out.writeUTF(SkfHostProtocol.SCAN),
                SkfLibrary::scanAnswer);
        found.addAll(result.problems());
        tokens = result.tokens().stream().map(this::withReportedTries).toList();
      } catch (AgentException e) {
        found.add(e.getMessage());
      }
      found.forEach(p -> LOG.log(Level.WARNING, p));
      synchronized (problems) {
        problems.clear();
        problems.addAll(found);
      }
      return tokens;
    }
  }

  @Override
  public List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  @Override
  public boolean owns(String tokenId) {
    return tokenId.startsWith(idPrefix);
  }

  @Override
  public <T> T withKey(TokenCertificate certificate, char[] pin, KeyOperation<T> operation)
      throws AgentException {
    synchronized (host) {
      login(certificate, pin);
      T result;
      try {
        X509Certificate cert = certificate.certificate();
        SkfPrivateKey key =
            new SkfPrivateKey(cert.getPublicKey().getAlgorithm(), cert.getPublicKey(), this::sign);
        result = operation.apply(key, SkfProvider.INSTANCE, cert);
      } catch (GeneralSecurityException e) {
        end();
        throw failure(e);
      } catch (AgentException | RuntimeException e) {
        end();
        throw e;
      }
      end();
      return result;
    }
  }

  private TokenSnapshot withReportedTries(TokenSnapshot token) {
    TokenInfo info = token.info();
    Integer reported = reportedTries.get(info.id());
    if (info.pinRetriesLeft().isPresent() || reported == null) {
      return token;
    }
    TokenInfo known =
        new TokenInfo(
            info.id(),
            info.label(),
            info.manufacturer(),
            info.serial(),
            info.kind(),
            Optional.of(reported),
            info.locked() || reported == 0);
    return new TokenSnapshot(known, token.certificates());
  }

  /** SKF_VerifyPIN in the host; the PIN's bytes are wiped once sent. */
  private void login(TokenCertificate certificate, char[] pin) throws AgentException {
    try {
      verifyPin(certificate, pin);
      reportedTries.remove(certificate.tokenId());
    } catch (AgentException e) {
      if (e.code() == AgentError.PIN_LOCKED) {
        reportedTries.put(certificate.tokenId(), 0);
      }
      e.retriesLeft().ifPresent(n -> reportedTries.put(certificate.tokenId(), n));
      throw e;
    }
  }

  private void verifyPin(TokenCertificate certificate, char[] pin) throws AgentException {
    byte[] pinBytes = utf8(pin);
    try {
      host.call(
          "SKF_VerifyPIN",
          timeout,
          out -> {
            out.writeUTF(SkfHostProtocol.LOGIN);
            out.writeUTF(certificate.tokenId());
            SkfHostProtocol.writeBytes(out, Ids.encoded(certificate.certificate()));
            SkfHostProtocol.writeBytes(out, pinBytes);
          },
          in -> expect(in, SkfHostProtocol.READY));
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
    }
  }

  private byte[] sign(byte[] input) throws SkfException, AgentException {
    return host.call(
        "signing",
        timeout,
        out -> {
          out.writeUTF(SkfHostProtocol.SIGN);
          SkfHostProtocol.writeBytes(out, input);
        },
        in -> {
          String answer = in.readUTF();
          if (answer.equals(SkfHostProtocol.SIGNATURE)) {
            return SkfHostProtocol.readBytes(in);
          }
          if (answer.equals(SkfHostProtocol.SKF_FAILED)) {
            throw SkfErrors.map(new SkfException(in.readUTF(), in.readInt()));
          }
          throw unexpected(answer, in);
        });
  }

  /**
   * Ends the login: the host clears the secure state. A failure here is logged, not thrown; a host
   * killed during the login has nothing left to end.
   */
  private void end() {
    if (!host.running()) {
      return;
    }
    try {
      host.call(
          "SKF_ClearSecureState",
          timeout,
          out -> out.writeUTF(SkfHostProtocol.END),
          in -> expect(in, SkfHostProtocol.ENDED));
    } catch (AgentException e) {
      LOG.log(Level.WARNING, e.getMessage());
    }
  }

  private static SkfScan.Result scanAnswer(DataInputStream in) throws IOException, AgentException {
    String answer = in.readUTF();
    if (answer.equals(SkfHostProtocol.TOKENS)) {
      return SkfHostProtocol.readTokens(in);
    }
    throw unexpected(answer, in);
  }

  private static Boolean expect(DataInputStream in, String wanted)
      throws IOException, AgentException {
    String answer = in.readUTF();
    if (answer.equals(wanted)) {
      return Boolean.TRUE;
    }
    throw unexpected(answer, in);
  }

  private static AgentException unexpected(String answer, DataInputStream in) throws IOException {
    if (answer.equals(SkfHostProtocol.FAILED)) {
      return SkfHostProtocol.readFailure(in);
    }
    throw new IOException("unexpected answer " + answer + " from the SKF host");
  }

  /** The agent's refusal carried through JCA, or the device's failure. */
  private AgentException failure(GeneralSecurityException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AgentException a) {
        return a;
      }
    }
    return new AgentException(
        AgentError.INTERNAL,
        "signing with the SKF library " + path + " failed: " + e.getMessage(),
        e);
  }

  private static byte[] utf8(char[] pin) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    encoded.clear();
    while (encoded.hasRemaining()) {
      encoded.put((byte) 0);
    }
    return bytes;
  }
}
