package io.certgate.testpki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSL 3's {@code openssl verify} as the reference relying party of the validation tests (issue
 * 16): the same files CertGate judges, verified with {@code -x509_strict}, and with CRLs given also
 * {@code -crl_check_all -extended_crl -use_deltas}. Where OpenSSL is wrong by RFC 5280 the test
 * says so and follows the RFC.
 */
public final class OpenSslReference {
  private final Path dir;
  private final List<X509Certificate> anchors = new ArrayList<>();
  private final List<X509Certificate> untrusted = new ArrayList<>();
  private final List<X509CRL> crls = new ArrayList<>();
  private long at;

  private OpenSslReference(Path dir) {
    this.dir = dir;
  }

  /** A verification whose files are written under {@code dir}. */
  public static OpenSslReference in(Path dir) {
    return new OpenSslReference(dir);
  }

  public OpenSslReference anchors(X509Certificate... certificates) {
    anchors.addAll(List.of(certificates));
    return this;
  }

  public OpenSslReference untrusted(X509Certificate... certificates) {
    untrusted.addAll(List.of(certificates));
    return this;
  }

  public OpenSslReference crls(X509CRL... list) {
    crls.addAll(List.of(list));
    return this;
  }

  /** Verifies at this instant ({@code -attime}); the system clock otherwise. */
  public OpenSslReference at(java.time.Instant instant) {
    this.at = instant.getEpochSecond();
    return this;
  }

  /** What {@code openssl verify} said about {@code certificate}. */
  public Verdict verify(X509Certificate certificate) throws IOException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of("openssl", "verify", "-x509_strict"));
    command.addAll(List.of("-CAfile", write("anchors.pem", Pem.certificates(anchors))));
    if (!untrusted.isEmpty()) {
      command.addAll(List.of("-untrusted", write("untrusted.pem", Pem.certificates(untrusted))));
    }
    if (!crls.isEmpty()) {
      StringBuilder pem = new StringBuilder();
      crls.forEach(c -> pem.append(Pem.crl(c)));
      command.addAll(List.of("-CRLfile", write("crls.pem", pem.toString())));
      command.addAll(List.of("-crl_check_all", "-extended_crl", "-use_deltas"));
    }
    if (at != 0) {
      command.addAll(List.of("-attime", String.valueOf(at)));
    }
    command.add(write("target.pem", Pem.certificates(List.of(certificate))));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("openssl verify timed out");
      }
      return new Verdict(process.exitValue() == 0, output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private String write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  /**
   * @param ok whether OpenSSL accepted the certificate
   * @param output what it printed (the error line names its reason)
   */
  public record Verdict(boolean ok, String output) {}
}
