package io.certgate.core.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An auth token as sent by the local client (DESIGN.md §5). Byte arrays are copied in and out, so a
 * token cannot change after it was parsed or built.
 *
 * @param format the format identifier, {@value AuthTokens#FORMAT} for every token this version
 *     reads
 * @param certificate the signer's certificate, DER
 * @param chain further certificates offered by the client, DER, possibly empty; untrusted hints
 *     only
 * @param algorithm the signature algorithm
 * @param signature the signature over {@link SignedData}, DER for ECDSA and SM2
 * @param agentVersion the client's version string, informational
 */
public record AuthToken(
    String format,
    byte[] certificate,
    List<byte[]> chain,
    TokenAlgorithm algorithm,
    byte[] signature,
    String agentVersion) {

  public AuthToken {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(agentVersion, "agentVersion");
    certificate = certificate.clone();
    chain = copy(chain);
    signature = signature.clone();
  }

  /** A token in the current format, {@value AuthTokens#FORMAT}. */
  public static AuthToken of(
      byte[] certificate,
      List<byte[]> chain,
      TokenAlgorithm algorithm,
      byte[] signature,
      String agentVersion) {
    return new AuthToken(AuthTokens.FORMAT, certificate, chain, algorithm, signature, agentVersion);
  }

  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  @Override
  public List<byte[]> chain() {
    return copy(chain);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthToken t
        && format.equals(t.format)
        && Arrays.equals(certificate, t.certificate)
        && chainEquals(chain, t.chain)
        && algorithm == t.algorithm
        && Arrays.equals(signature, t.signature)
        && agentVersion.equals(t.agentVersion);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(format, algorithm, agentVersion, chain.size());
    return 31 * (31 * h + Arrays.hashCode(certificate)) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "AuthToken[format=%s, certificate=%d bytes, chain=%d, algorithm=%s, signature=%d bytes, agentVersion=%s]"
        .formatted(
            format, certificate.length, chain.size(), algorithm, signature.length, agentVersion);
  }

  private static List<byte[]> copy(List<byte[]> chain) {
    List<byte[]> copy = new ArrayList<>(chain.size());
    for (byte[] der : chain) {
      copy.add(der.clone());
    }
    return List.copyOf(copy);
  }

  private static boolean chainEquals(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
