package io.certgate.agent.token;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;

/** The certificates of a soft key readable without its password: clear bags and sidecar files. */
final class SoftKeyCertificates {
  private static final List<String> SIDECARS = List.of(".crt", ".cer", ".pem");

  private SoftKeyCertificates() {}

  static List<X509Certificate> read(Path p12, long maxBytes) throws IOException {
    Set<X509CertificateHolder> holders = new LinkedHashSet<>();
    holders.addAll(clearBags(readBounded(p12, maxBytes)));
    String name = p12.getFileName().toString();
    String base = name.substring(0, name.lastIndexOf('.'));
    for (String suffix : SIDECARS) {
      Path sidecar = p12.resolveSibling(base + suffix);
      if (Files.isRegularFile(sidecar)) {
        holders.addAll(sidecar(readBounded(sidecar, maxBytes)));
      }
    }
    List<X509Certificate> result = new ArrayList<>();
    JcaX509CertificateConverter converter =
        new JcaX509CertificateConverter().setProvider(SoftKeyFolder.BC);
    for (X509CertificateHolder holder : holders) {
      try {
        result.add(converter.getCertificate(holder));
      } catch (CertificateException e) {
        throw new IOException("certificate does not decode", e);
      }
    }
    return result;
  }

  private static List<X509CertificateHolder> clearBags(byte[] der) throws IOException {
    List<X509CertificateHolder> result = new ArrayList<>();
    PKCS12PfxPdu pfx = new PKCS12PfxPdu(der);
    for (var info : pfx.getContentInfos()) {
      if (!PKCSObjectIdentifiers.data.equals(info.getContentType())) {
        continue; // encrypted bags need the password
      }
      for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
        if (bag.getBagValue() instanceof X509CertificateHolder holder) {
          result.add(holder);
        }
      }
    }
    return result;
  }

  private static List<X509CertificateHolder> sidecar(byte[] bytes) throws IOException {
    if (bytes.length > 0 && bytes[0] == 0x30) {
      return List.of(new X509CertificateHolder(bytes));
    }
    List<X509CertificateHolder> result = new ArrayList<>();
    try (Reader reader =
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          result.add(holder);
        }
      }
    }
    return result;
  }

  private static byte[] readBounded(Path file, long maxBytes) throws IOException {
    if (Files.size(file) > maxBytes) {
      throw new IOException("larger than " + maxBytes + " bytes");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) maxBytes);
    }
  }
}
