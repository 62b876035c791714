package io.certgate.loadgen;

import io.certgate.testpki.TestProvider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ca_bindings} rows, streamed with COPY: first the real ones (certificates the load
 * generator holds keys for, stored exactly as a bind through the API stores them), then synthetic
 * ones up to the total. A synthetic binding has a unique random lock ID and fingerprint and, for a
 * realistic row size, the DER of a real certificate of its provider as its certificate text.
 *
 * <p>Synthetic bindings go over the users in a fixed pattern: of every ten users one has none, one
 * has two and the others one each, so listings see bound and unbound users side by side.
 */
final class BulkBindings {
  private static final String COLUMNS =
      "user_id, organization_id, provider_code, lock_id, certificate_name, serial_number, subject, issuer,"
          + " fingerprint, certificate, not_after, bound_by, bound_at";
  private static final HexFormat HEX = HexFormat.of();

  private final Connection db;
  private final String now;
  private final Instant clock;
  private final SecureRandom random;

  BulkBindings(Connection db, Instant now, SecureRandom random) {
    this.db = db;
    this.now = now.toString();
    this.clock = now;
    this.random = random;
  }

  /** One real binding to write. */
  record Real(
      long userId,
      long organizationId,
      String providerCode,
      String lockId,
      X509Certificate certificate) {}

  /**
   * Writes the real bindings, then synthetic ones for the first {@code syntheticUsers} users placed
   * by {@code at} until {@code total} rows are written in all. A binding carries its user's
   * organisation (V21), as the server copies it on insert.
   */
  long write(
      List<Real> real, List<TestProvider> providers, Placement at, int syntheticUsers, long total)
      throws SQLException {
    try (CopyRows rows = CopyRows.into(db, "ca_bindings", COLUMNS)) {
      for (Real r : real) {
        X509Certificate c = r.certificate();
        rows.row(
            r.userId(),
            r.organizationId(),
            r.providerCode(),
            r.lockId(),
            commonName(c),
            c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
            c.getSubjectX500Principal().getName(),
            c.getIssuerX500Principal().getName(),
            HEX.formatHex(sha256(der(c))),
            Base64.getEncoder().encodeToString(der(c)),
            c.getNotAfter().toInstant().toString(),
            "loadgen",
            now);
      }
      Synthetic synthetic = new Synthetic(providers, real);
      int[] counts = syntheticCounts(syntheticUsers, total - real.size());
      long index = 0;
      for (int k = 0; k < syntheticUsers; k++) {
        for (int b = 0; b < counts[k]; b++, index++) {
          synthetic.row(rows, at.userId(k), at.organizationOf(k), index);
        }
      }
      return rows.finish();
    }
  }

  /**
   * How many synthetic bindings each of the first {@code syntheticUsers} users gets, {@code total}
   * in all: of every ten users one none, one two, the others one; any rest one more each, in order.
   * Known before the users are written, so each user's {@code binding_count} (V21_2) is right from
   * the start.
   */
  static int[] syntheticCounts(int syntheticUsers, long total) {
    int[] counts = new int[syntheticUsers];
    long left = total;
    for (int pass = 0; left > 0; pass++) {
      for (int k = 0; k < syntheticUsers && left > 0; k++) {
        int n = (int) Math.min(left, pass == 0 ? (k % 10 == 0 ? 0 : k % 10 == 1 ? 2 : 1) : 1);
        counts[k] += n;
        left -= n;
      }
    }
    return counts;
  }

  /** The generator of synthetic rows: per provider a template certificate and issuer name. */
  private final class Synthetic {
    private final List<TestProvider> providers;
    private final String[] templates;
    private final byte[] salt = new byte[16];
    private final MessageDigest sha256;

    Synthetic(List<TestProvider> providers, List<Real> real) {
      this.providers = providers;
      this.templates = new String[providers.size()];
      for (int i = 0; i < templates.length; i++) {
        String code = providers.get(i).code();
        X509Certificate template =
            real.stream()
                .filter(r -> r.providerCode().equals(code))
                .findFirst()
                .orElseThrow()
                .certificate();
        templates[i] = Base64.getEncoder().encodeToString(der(template));
      }
      random.nextBytes(salt);
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void row(CopyRows rows, long userId, long organizationId, long index) throws SQLException {
      int p = (int) (index % providers.size());
      byte[] lockRandom = new byte[6];
      random.nextBytes(lockRandom);
      byte[] serial = new byte[16];
      random.nextBytes(serial);
      sha256.update(salt);
      sha256.update(Long.toString(index).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String name = "压测证书" + index;
      rows.row(
          userId,
          organizationId,
          providers.get(p).code(),
          // the index makes it unique, the random part makes it look like a vendor's lock number
          "SYN" + HEX.formatHex(lockRandom).toUpperCase(Locale.ROOT) + Long.toHexString(index),
          name,
          HEX.formatHex(serial).toUpperCase(Locale.ROOT),
          "CN=" + name + ",O=压测单位,C=CN",
          providers.get(p).issuingCertificate().getSubjectX500Principal().getName(),
          HEX.formatHex(sha256.digest()),
          templates[p],
          clock.plus(Duration.ofDays(60 + index * 7919 % 670)).toString(),
          "loadgen",
          now);
    }
  }

  static String commonName(X509Certificate c) {
    String dn = c.getSubjectX500Principal().getName();
    for (String part : dn.split(",")) {
      if (part.startsWith("CN=")) {
        return part.substring(3);
      }
    }
    return dn;
  }

  private static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
