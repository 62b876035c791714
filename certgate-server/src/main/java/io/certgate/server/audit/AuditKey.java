package io.certgate.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One key of the audit chain. Its id names the algorithm and a fingerprint of the secret (never the
 * secret), so a row says which key made its MAC and a retired key still checks the rows it made.
 * The secret comes from the environment or a key file, never from the database: whoever can write
 * to the database cannot recompute a row's MAC.
 *
 * @param id e.g. {@code sm3-3f2a9c01be77d4e5}
 * @param algorithm how MACs are made
 * @param secret the key bytes (at least 32)
 */
record AuditKey(String id, Algorithm algorithm, byte[] secret) {
  /** The MAC algorithms: HMAC-SM3 (GB/T 32905, the default) or HMAC-SHA256. */
  enum Algorithm {
    HMAC_SM3("sm3"),
    HMAC_SHA256("sha256");

    final String prefix;

    Algorithm(String prefix) {
      this.prefix = prefix;
    }

    /** {@code HMAC-SM3} or {@code HMAC-SHA256}, any case. */
    static Algorithm parse(String name) {
      return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    Digest digest() {
      return this == HMAC_SM3 ? new SM3Digest() : new SHA256Digest();
    }
  }

  static final int MIN_BYTES = 32;

  AuditKey {
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException("an audit key needs at least 32 bytes");
    }
    secret = secret.clone();
  }

  static AuditKey of(Algorithm algorithm, byte[] secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("certgate audit key id\n".getBytes(StandardCharsets.US_ASCII));
      byte[] fingerprint = sha256.digest(secret);
      return new AuditKey(
          algorithm.prefix + "-" + HexFormat.of().formatHex(fingerprint, 0, 8), algorithm, secret);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Lower-case hex MAC of the text's UTF-8 bytes (64 characters for both algorithms). */
  String mac(String text) {
    HMac hmac = new HMac(algorithm.digest());
    hmac.init(new KeyParameter(secret));
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    hmac.update(data, 0, data.length);
    byte[] out = new byte[hmac.getMacSize()];
    hmac.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  /** Compares MACs in constant time. */
  static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "AuditKey[" + id + "]"; // never the secret
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditKey k && k.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
