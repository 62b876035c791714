package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * PKCS#12 soft keys ({@code *.p12}, {@code *.pfx}) in one folder; each file is one "token" whose
 * PIN is the file's password. Files are read at every scan, so adding or deleting one needs no
 * restart.
 *
 * <p>Certificates are listed without the password, so a file must carry its certificates in clear
 * (as {@code openssl pkcs12 -export -certpbe NONE} writes them) or have a sidecar {@code
 * <name>.crt}/{@code .cer}/{@code .pem}. Bouncy Castle reads the files: it handles SM2 keys, which
 * the JDK's PKCS#12 key store does not.
 */
final class SoftKeyFolder implements KeySource {
  static final Provider BC = new BouncyCastleProvider();
  private static final long MAX_FILE_BYTES = 1 << 20;
  private static final long WRONG_PASSWORD_PAUSE_MILLIS = 1000;

  private final Path folder;
  private final List<String> problems = new ArrayList<>();

  SoftKeyFolder(Path folder) {
    this.folder = folder;
  }

  @Override
  public synchronized List<TokenSnapshot> scan() {
    problems.clear();
    List<TokenSnapshot> tokens = new ArrayList<>();
    for (Path file : files()) {
      try {
        String id = tokenId(file);
        List<TokenCertificate> certificates =
            SoftKeyCertificates.read(file, MAX_FILE_BYTES).stream()
                .filter(c -> c.getBasicConstraints() < 0)
                .map(c -> TokenCertificate.of(id, c))
                .toList();
        String name = file.getFileName().toString();
        TokenInfo info =
            new TokenInfo(
                id,
                name.substring(0, name.lastIndexOf('.')),
                "PKCS#12",
                "",
                TokenKind.PKCS12,
                Optional.empty(),
                false);
        tokens.add(new TokenSnapshot(info, certificates));
      } catch (IOException | RuntimeException e) {
        problems.add("soft key " + file.getFileName() + ": unreadable (" + e.getMessage() + ")");
      }
    }
    return tokens;
  }

  @Override
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public boolean owns(String tokenId) {
    return tokenId.startsWith("p12-");
  }

  @Override
  public <T> T withKey(TokenCertificate certificate, char[] pin, KeyOperation<T> operation)
      throws AgentException {
    Path file =
        files().stream()
            .filter(f -> tokenId(f).equals(certificate.tokenId()))
            .findFirst()
            .orElseThrow(
                () -> new AgentException(AgentError.TOKEN_NOT_PRESENT, "the soft key is gone"));
    KeyStore store = load(file, pin);
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)
            && certificate.certificate().equals(store.getCertificate(alias))) {
          Key key = store.getKey(alias, pin);
          if (key instanceof PrivateKey privateKey) {
            return operation.apply(privateKey, BC, certificate.certificate());
          }
        }
      }
    } catch (GeneralSecurityException e) {
      throw new AgentException(AgentError.INTERNAL, "the soft key failed: " + e.getMessage(), e);
    }
    throw new AgentException(AgentError.CERT_NOT_FOUND, "no private key for this certificate");
  }

  /** A wrong password fails the file's MAC: that is the soft key's PIN check. */
  private static KeyStore load(Path file, char[] pin) throws AgentException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12", BC);
      store.load(in, pin);
      return store;
    } catch (IOException e) {
      slowDown();
      throw AgentException.pinIncorrect(OptionalInt.empty());
    } catch (GeneralSecurityException e) {
      throw new AgentException(AgentError.INTERNAL, "the soft key is unreadable", e);
    }
  }

  /**
   * A file has no retry counter, so a script on an allowed origin could try passwords as fast as
   * the key derivation allows; answering a wrong one only after a pause bounds that to a few per
   * second.
   */
  private static void slowDown() {
    try {
      Thread.sleep(WRONG_PASSWORD_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Path> files() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        if ((name.endsWith(".p12") || name.endsWith(".pfx")) && Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    files.sort(null);
    return files;
  }

  private static String tokenId(Path file) {
    return Ids.of("p12", file.toAbsolutePath().normalize().toString());
  }
}
