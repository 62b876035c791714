package io.certgate.cli;

import io.certgate.core.CertMalformedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads certificates and CRLs from PEM (any number of blocks) or DER (one object) files. Parsing
 * goes through Bouncy Castle, because the JDK's factory refuses SM2 certificates.
 */
final class InputFiles {
  private static final Provider BC = new BouncyCastleProvider();
  private static final Set<String> CERTIFICATE_PEM = Set.of("CERTIFICATE", "X509 CERTIFICATE");
  private static final Set<String> CRL_PEM = Set.of("X509 CRL");

  /** Token files are small (the server limits tokens to 64 KiB); this only stops absurd input. */
  private static final long MAX_FILE_BYTES = 16L << 20;

  private InputFiles() {}

  /** Reads a file's bytes; a missing or unreadable file is an input error (exit 2). */
  static byte[] read(String file) throws UsageException {
    Path path = Path.of(file);
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw UsageException.input(file + ": larger than 16 MiB", null);
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw UsageException.input(file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Certificates of a trusted input (anchors, intermediates): undecodable means exit 2. */
  static List<X509Certificate> supportingCertificates(List<String> files) throws UsageException {
    List<X509Certificate> all = new ArrayList<>();
    for (String file : files) {
      try {
        all.addAll(certificates(read(file), file));
      } catch (CertMalformedException e) {
        throw UsageException.input(e.getMessage(), e);
      }
    }
    return all;
  }

  /** CRL files: undecodable means exit 2. */
  static List<X509CRL> crls(List<String> files) throws UsageException {
    List<X509CRL> all = new ArrayList<>();
    for (String file : files) {
      try {
        for (byte[] der : derObjects(read(file), file, CRL_PEM)) {
          all.add((X509CRL) factory().generateCRL(new ByteArrayInputStream(der)));
        }
      } catch (CRLException | CertMalformedException | RuntimeException e) {
        throw UsageException.input(file + ": not a PEM or DER X.509 CRL", e);
      }
    }
    return all;
  }

  /**
   * The certificates in a file, in file order.
   *
   * @throws CertMalformedException when the content is neither PEM certificates nor one DER
   *     certificate
   */
  static List<X509Certificate> certificates(byte[] content, String file)
      throws CertMalformedException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (byte[] der : derObjects(content, file, CERTIFICATE_PEM)) {
      try {
        certificates.add(
            (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | RuntimeException e) {
        throw new CertMalformedException(file + ": not a DER X.509 certificate", e);
      }
    }
    return certificates;
  }

  private static List<byte[]> derObjects(byte[] content, String file, Set<String> pemTypes)
      throws CertMalformedException {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    if (!text.contains("-----BEGIN ")) {
      if (content.length == 0) {
        throw new CertMalformedException(file + ": empty file");
      }
      return List.of(content);
    }
    List<byte[]> objects = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(text))) {
      for (PemObject pem = reader.readPemObject(); pem != null; pem = reader.readPemObject()) {
        if (pemTypes.contains(pem.getType())) {
          objects.add(pem.getContent());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new CertMalformedException(file + ": broken PEM", e);
    }
    if (objects.isEmpty()) {
      throw new CertMalformedException(
          file + ": no " + String.join(" or ", new java.util.TreeSet<>(pemTypes)) + " PEM block");
    }
    return objects;
  }

  private static CertificateFactory factory() {
    try {
      return CertificateFactory.getInstance("X.509", BC);
    } catch (CertificateException e) {
      throw new IllegalStateException("Bouncy Castle always provides X.509", e);
    }
  }
}
