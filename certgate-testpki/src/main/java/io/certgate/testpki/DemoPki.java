package io.certgate.testpki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo PKI: three providers (RSA-2048, P-256, SM2) with their CRL server and OCSP responder
 * running on 127.0.0.1, demo users' soft keys, and a manifest, written into one folder.
 *
 * <p>Layout of the folder: {@code manifest.json}; per provider {@code <code>/anchors.pem}, {@code
 * <code>/issuing.crl} and {@code <code>/root.crl} (DER, valid 30 days); {@code
 * softkeys/<code>-<login>.p12} (entries "signature" and "encryption", PIN {@link #DEMO_PIN}; SM2
 * files need Bouncy Castle's keystore) with {@code softkeys/<code>-<login>.crt} beside each (both
 * certificates in PEM, for the agent, which lists certificates without the password). Certificates
 * embed the CRL and OCSP URLs of the servers this object runs, so keep it open (or run {@link
 * #main}) while the demo needs revocation.
 *
 * <p>Per provider the users are 张三 (zhangsan) and 李四 (lisi), valid; 赵六 (zhaoliu), revoked; 王五
 * (wangwu), expired. The SM2 provider also has 钱七, whose key is on a software SKF device under
 * {@code skf/}.
 */
public final class DemoPki implements AutoCloseable {
  /** The PIN of every demo soft key. Demo only. */
  public static final String DEMO_PIN = "123456";

  public static final int DEFAULT_CRL_PORT = 27160;
  public static final int DEFAULT_OCSP_PORT = 27161;
  public static final String ORGANISATION = "CertGate演示供应商有限公司";

  /** A demo user as written to the folder. */
  public record DemoUser(
      String providerCode,
      String login,
      String name,
      UserSpec.Variant variant,
      boolean revoked,
      UserCredentials credentials,
      Path softKey) {}

  private final Path directory;
  private final CrlServer crlServer;
  private final OcspResponder ocspResponder;
  private final List<TestProvider> providers = new ArrayList<>();
  private final List<DemoUser> users = new ArrayList<>();

  private DemoPki(Path directory, CrlServer crlServer, OcspResponder ocspResponder) {
    this.directory = directory;
    this.crlServer = crlServer;
    this.ocspResponder = ocspResponder;
  }

  /**
   * Starts the CRL server and OCSP responder on the given ports (0 = ephemeral) and writes the demo
   * PKI into {@code directory}.
   */
  public static DemoPki generate(Path directory, int crlPort, int ocspPort) throws IOException {
    Files.createDirectories(directory.resolve("softkeys"));
    CrlServer crl = CrlServer.start(crlPort);
    OcspResponder ocsp;
    try {
      ocsp = OcspResponder.start(ocspPort);
    } catch (IOException e) {
      crl.close();
      throw e;
    }
    DemoPki demo = new DemoPki(directory, crl, ocsp);
    try {
      demo.addProvider("demo-rsa", "演示RSA CA", KeyKind.RSA_2048);
      demo.addProvider("demo-ec", "演示ECC CA", KeyKind.EC_P256);
      demo.addProvider("demo-sm2", "演示SM2 CA", KeyKind.SM2);
      Files.writeString(demo.manifest(), DemoManifest.json(demo), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      demo.close();
      throw e;
    }
    return demo;
  }

  private void addProvider(String code, String name, KeyKind kind) throws IOException {
    TestProvider provider =
        TestProvider.builder()
            .code(code)
            .name(name)
            .keyKind(kind)
            .clock(Clock.systemUTC())
            .crlDistributionPoint(crlServer.issuingCrlUrl(code))
            .rootCrlDistributionPoint(crlServer.rootCrlUrl(code))
            .ocspUrl(ocspResponder.url())
            .build();
    crlServer.add(provider);
    ocspResponder.add(provider);
    providers.add(provider);
    Path folder = Files.createDirectories(directory.resolve(code));
    Files.writeString(
        folder.resolve("anchors.pem"), provider.anchorsPem(), StandardCharsets.US_ASCII);
    addUser(provider, "zhangsan", "张三", UserSpec.Variant.VALID, false);
    addUser(provider, "lisi", "李四", UserSpec.Variant.VALID, false);
    addUser(provider, "zhaoliu", "赵六", UserSpec.Variant.VALID, true);
    addUser(provider, "wangwu", "王五", UserSpec.Variant.EXPIRED, false);
    if (kind == KeyKind.SM2) {
      addSkfUser(provider);
    }
    writeCrls(provider, folder);
  }

  private void addUser(
      TestProvider provider, String login, String name, UserSpec.Variant variant, boolean revoked)
      throws IOException {
    UserSpec spec =
        UserSpec.builder(name)
            .organisation(ORGANISATION)
            .lockId(
                provider.code().toUpperCase(java.util.Locale.ROOT)
                    + "-"
                    + login.toUpperCase(java.util.Locale.ROOT))
            .variant(variant)
            .build();
    UserCredentials credentials = provider.issueUser(spec);
    if (revoked) {
      provider.revoke(
          credentials.signature().serialNumber(), Instant.now().minus(Duration.ofMinutes(1)));
    }
    Path softKey = directory.resolve("softkeys").resolve(provider.code() + "-" + login + ".p12");
    Pkcs12Files.write(softKey, DEMO_PIN.toCharArray(), credentials);
    // the agent lists a soft key's certificates without its password: from this sidecar file
    Files.writeString(
        softKey.resolveSibling(provider.code() + "-" + login + ".crt"),
        Pem.certificates(
            List.of(credentials.signature().certificate(), credentials.encryption().certificate())),
        StandardCharsets.US_ASCII);
    users.add(new DemoUser(provider.code(), login, name, variant, revoked, credentials, softKey));
  }

  /**
   * 钱七's SM2 key on a 国密 USB key: written as a device of the agent tests' software SKF library
   * ({@code skf/<device>/…}, the layout of {@code certgate-agent/src/test/native/soft-skf.c}),
   * which {@code demo.sh} builds when gcc and OpenSSL's headers are present. No soft key is written
   * for it, so the agent shows it only as an SKF key.
   */
  private void addSkfUser(TestProvider provider) throws IOException {
    UserSpec spec =
        UserSpec.builder("钱七")
            .organisation(ORGANISATION)
            .lockId(provider.code().toUpperCase(java.util.Locale.ROOT) + "-SKF-QIANQI")
            .build();
    UserCredentials credentials = provider.issueUser(spec);
    Path device = directory.resolve("skf").resolve("GM3000-QIANQI");
    Path application = device.resolve("DEMO_APP");
    Path container = Files.createDirectories(application.resolve("SIGN_CON"));
    Files.writeString(device.resolve("manufacturer"), "CertGate Demo SKF");
    Files.writeString(device.resolve("serial"), "DEMO-SKF-0001");
    Files.writeString(application.resolve("user.pin"), DEMO_PIN);
    Files.writeString(application.resolve("max_tries"), "6");
    Files.deleteIfExists(application.resolve("tries_left"));
    Files.writeString(
        container.resolve("sign.key"), Pem.privateKey(credentials.signature().privateKey()));
    try {
      Files.write(
          container.resolve("sign.crt"), credentials.signature().certificate().getEncoded());
      Files.write(
          container.resolve("enc.crt"), credentials.encryption().certificate().getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeCrls(TestProvider provider, Path folder) throws IOException {
    Instant now = Instant.now();
    Instant next = now.plus(Duration.ofDays(30));
    try {
      Files.write(folder.resolve("issuing.crl"), provider.crl(now, next).getEncoded());
      Files.write(folder.resolve("root.crl"), provider.rootCrl(now, next).getEncoded());
    } catch (CRLException e) {
      throw new IOException("cannot encode a demo CRL", e);
    }
  }

  public Path directory() {
    return directory;
  }

  public Path manifest() {
    return directory.resolve("manifest.json");
  }

  public List<TestProvider> providers() {
    return List.copyOf(providers);
  }

  public List<DemoUser> users() {
    return List.copyOf(users);
  }

  public CrlServer crlServer() {
    return crlServer;
  }

  public OcspResponder ocspResponder() {
    return ocspResponder;
  }

  /** Stops the CRL server and OCSP responder; the files stay. */
  @Override
  public void close() {
    crlServer.close();
    ocspResponder.close();
  }

  /**
   * {@code java -cp certgate-testpki.jar:bc*.jar io.certgate.testpki.DemoPki --out DIR [--crl-port
   * N] [--ocsp-port N] [--no-serve]}: writes the demo PKI and, unless {@code --no-serve}, keeps
   * serving CRLs and OCSP until killed.
   */
  public static void main(String[] args) throws Exception {
    DemoArguments arguments;
    try {
      arguments = DemoArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(DemoArguments.USAGE);
      System.exit(2);
      return;
    }
    DemoPki demo = generate(arguments.out(), arguments.crlPort(), arguments.ocspPort());
    System.out.println(
        "demo PKI written to "
            + demo.manifest()
            + "; CRLs at "
            + demo.crlServer().baseUrl()
            + ", OCSP at "
            + demo.ocspResponder().url());
    if (!arguments.serve()) {
      demo.close();
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
    Thread.currentThread().join();
  }
}
