package io.certgate.testpki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provisions SoftHSM2 tokens for tests: a private {@code softhsm2.conf} and token directory under a
 * work folder, tokens initialised with {@code softhsm2-util}, keys and certificates written with
 * {@code pkcs11-tool} (OpenSC).
 *
 * <p>RSA-2048 and P-256 keys work; SM2 does not (SoftHSM2 2.6 has no SM2 mechanism), so {@link
 * #importCredential} refuses SM2 keys.
 *
 * <p><b>SOFTHSM2_CONF and the JVM.</b> SoftHSM reads {@code SOFTHSM2_CONF} from the process
 * environment when a process first initialises the module, and the JDK's SunPKCS11 initialises each
 * module path once per JVM. A test that reads these tokens in its own JVM must therefore run with
 * {@code SOFTHSM2_CONF} already set to {@link #conf()} (Surefire/Failsafe {@code
 * environmentVariables}), or start the code under test as a child process with {@link
 * #environment()}. The command-line tools used here always get the right environment.
 */
public final class SoftHsmTokens {
  /** Where Debian and Ubuntu install the module; see {@link #findModule()}. */
  public static final Path DEBIAN_MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");

  private static final List<Path> KNOWN_MODULES =
      List.of(
          DEBIAN_MODULE,
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
          Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
  private static final Pattern SLOT = Pattern.compile("^Slot (\\d+)\\s*$");
  private static final Pattern LABEL = Pattern.compile("^\\s+Label:\\s+(.*?)\\s*$");

  private final Path workDir;
  private final Path conf;
  private final Path module;

  private SoftHsmTokens(Path workDir, Path module) {
    this.workDir = workDir;
    this.conf = workDir.resolve("softhsm2.conf");
    this.module = module;
  }

  /**
   * Prepares {@code workDir/softhsm2.conf} and {@code workDir/tokens/} (kept if they exist, so
   * several instances may share one folder). Fails if no SoftHSM2 module is installed.
   */
  public static SoftHsmTokens create(Path workDir) throws IOException {
    Path module =
        findModule().orElseThrow(() -> new IOException("SoftHSM2 is not installed (no module)"));
    SoftHsmTokens tokens = new SoftHsmTokens(workDir.toAbsolutePath(), module);
    Path tokenDir = tokens.workDir.resolve("tokens");
    Files.createDirectories(tokenDir);
    if (!Files.exists(tokens.conf)) {
      Files.writeString(
          tokens.conf,
          "directories.tokendir = "
              + tokenDir
              + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n",
          StandardCharsets.UTF_8);
    }
    return tokens;
  }

  /** The installed SoftHSM2 PKCS#11 module, if any ({@code CERTGATE_SOFTHSM_MODULE} first). */
  public static Optional<Path> findModule() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("CERTGATE_SOFTHSM_MODULE"))
        .map(Path::of)
        .ifPresent(candidates::add);
    candidates.addAll(KNOWN_MODULES);
    return candidates.stream().filter(Files::isReadable).findFirst();
  }

  /** Whether SoftHSM2 and OpenSC's pkcs11-tool are both installed (for test assumptions). */
  public static boolean available() {
    return findModule().isPresent()
        && Commands.onPath("softhsm2-util")
        && Commands.onPath("pkcs11-tool");
  }

  public Path conf() {
    return conf;
  }

  public Path modulePath() {
    return module;
  }

  /** {@code SOFTHSM2_CONF} pointing at {@link #conf()}: the environment of a child process. */
  public Map<String, String> environment() {
    return Map.of("SOFTHSM2_CONF", conf.toString());
  }

  /** Initialises a new token in the first free slot. */
  public void initToken(String label, String soPin, String userPin) throws IOException {
    softhsm("--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", userPin);
  }

  /** Deletes the token with this label and its objects (simulates pulling the key out). */
  public void deleteToken(String label) throws IOException {
    softhsm("--delete-token", "--token", label);
  }

  /**
   * Writes a private key and its certificate under object ID {@code idHex} and label {@code
   * objectLabel}, and the CA certificates after it (each once per token, labelled by subject).
   */
  public void importCredential(
      String tokenLabel,
      String pin,
      String idHex,
      String objectLabel,
      PrivateKey privateKey,
      X509Certificate... chain)
      throws IOException {
    if (chain.length == 0) {
      throw new IllegalArgumentException("the chain needs at least the key's certificate");
    }
    HexFormat.of().parseHex(idHex);
    if (KeyKind.of(chain[0].getPublicKey()) == KeyKind.SM2) {
      throw new IllegalArgumentException("SoftHSM2 does not support SM2 keys");
    }
    Path dir = Files.createTempDirectory(workDir, "import");
    try {
      write(
          tokenLabel,
          pin,
          dir.resolve("key.der"),
          privateKey.getEncoded(),
          "privkey",
          idHex,
          objectLabel);
      write(
          tokenLabel,
          pin,
          dir.resolve("pub.der"),
          chain[0].getPublicKey().getEncoded(),
          "pubkey",
          idHex,
          objectLabel);
      write(
          tokenLabel,
          pin,
          dir.resolve("cert.der"),
          Commands.encoded(chain[0]),
          "cert",
          idHex,
          objectLabel);
      String existing = listObjects(tokenLabel, pin);
      for (int i = 1; i < chain.length; i++) {
        String caLabel = "CA " + chain[i].getSerialNumber().toString(16);
        if (!existing.contains(caLabel)) {
          String caId = chain[i].getSerialNumber().toString(16);
          caId = caId.length() % 2 == 0 ? caId : "0" + caId;
          write(
              tokenLabel,
              pin,
              dir.resolve("ca" + i + ".der"),
              Commands.encoded(chain[i]),
              "cert",
              caId,
              caLabel);
        }
      }
    } finally {
      Commands.deleteRecursively(dir);
    }
  }

  /** As the six-argument form, with the object label equal to {@code idHex}. */
  public void importCredential(
      String tokenLabel, String pin, String idHex, PrivateKey privateKey, X509Certificate... chain)
      throws IOException {
    importCredential(tokenLabel, pin, idHex, idHex, privateKey, chain);
  }

  /** Imports a credential's key, certificate and issuers. */
  public void importCredential(
      String tokenLabel, String pin, String idHex, String objectLabel, Credential credential)
      throws IOException {
    importCredential(
        tokenLabel,
        pin,
        idHex,
        objectLabel,
        credential.privateKey(),
        credential.chain().toArray(X509Certificate[]::new));
  }

  /** A user's dual keys: signature as ID 01 label "signature", encryption as ID 02 "encryption". */
  public void importUser(String tokenLabel, String pin, UserCredentials user) throws IOException {
    importCredential(tokenLabel, pin, "01", "signature", user.signature());
    importCredential(tokenLabel, pin, "02", "encryption", user.encryption());
  }

  /** The slot ID SoftHSM assigned to the token with this label. */
  public long slotId(String tokenLabel) throws IOException {
    Optional<Long> slot = Optional.empty();
    for (String line : softhsm("--show-slots").split("\n")) {
      Matcher s = SLOT.matcher(line);
      Matcher l = LABEL.matcher(line);
      if (s.matches()) {
        slot = Optional.of(Long.parseLong(s.group(1)));
      } else if (l.matches() && l.group(1).equals(tokenLabel) && slot.isPresent()) {
        return slot.get();
      }
    }
    throw new IOException("no SoftHSM token labelled " + tokenLabel);
  }

  /** SunPKCS11 configuration text for the token with this label (pass with a leading "--"). */
  public String sunPkcs11Config(String tokenLabel) throws IOException {
    return "name = SoftHSM-"
        + tokenLabel.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
        + "\nlibrary = "
        + module
        + "\nslot = "
        + slotId(tokenLabel)
        + "\n";
  }

  private void write(
      String tokenLabel, String pin, Path file, byte[] der, String type, String id, String label)
      throws IOException {
    Files.write(file, der);
    pkcs11(
        tokenLabel,
        pin,
        "--write-object",
        file.toString(),
        "--type",
        type,
        "--id",
        id,
        "--label",
        label);
  }

  private String listObjects(String tokenLabel, String pin) throws IOException {
    return pkcs11(tokenLabel, pin, "--list-objects");
  }

  private String pkcs11(String tokenLabel, String pin, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("pkcs11-tool", "--module", module.toString()));
    argv.addAll(List.of("--token-label", tokenLabel, "--login", "--pin", pin));
    argv.addAll(List.of(args));
    return Commands.run(argv, environment());
  }

  private String softhsm(String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("softhsm2-util"));
    argv.addAll(List.of(args));
    return Commands.run(argv, environment());
  }
}
