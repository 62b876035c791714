package io.certgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Auth tokens (DESIGN §5) whose signatures OpenSSL makes: {@code openssl dgst -binary} hashes the
 * origin and the nonce, the two hashes are concatenated, and {@code openssl dgst -sign} signs that
 * file. The test only assembles the JSON around OpenSSL's bytes.
 */
final class OpenSslTokens {
  private OpenSslTokens() {}

  /**
   * Signs H(origin) ‖ H(nonce) with {@code key} (a PEM file in {@code pki}) for {@code algorithm},
   * and writes a token carrying {@code certificate} and the issuing CA as its chain.
   */
  static Path token(
      OpenSslPki pki, String algorithm, String key, String certificate, String origin, String nonce)
      throws IOException {
    Path dir = pki.dir();
    String digest = algorithm.equals("SM2SM3") ? "-sm3" : "-sha256";
    Files.writeString(dir.resolve("origin.txt"), origin, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("nonce.txt"), nonce, StandardCharsets.UTF_8);
    OpenSsl.run(dir, "dgst", digest, "-binary", "-out", "origin.hash", "origin.txt");
    OpenSsl.run(dir, "dgst", digest, "-binary", "-out", "nonce.hash", "nonce.txt");
    byte[] signedData =
        concat(
            Files.readAllBytes(dir.resolve("origin.hash")),
            Files.readAllBytes(dir.resolve("nonce.hash")));
    Files.write(dir.resolve("signed-data.bin"), signedData);

    List<String> sign = new ArrayList<>(List.of("dgst", digest, "-sign", key));
    switch (algorithm) {
      case "PS256" ->
          sign.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"));
      case "SM2SM3" -> sign.addAll(List.of("-sigopt", "distid:1234567812345678"));
      default -> {}
    }
    sign.addAll(List.of("-out", "signature.bin", "signed-data.bin"));
    OpenSsl.run(dir, sign.toArray(String[]::new));

    String json =
        "{\"format\":\"certgate-auth/1\",\"certificate\":\""
            + der(pki, certificate)
            + "\",\"chain\":[\""
            + der(pki, "ca.crt")
            + "\"],\"algorithm\":\""
            + algorithm
            + "\",\"signature\":\""
            + Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("signature.bin")))
            + "\",\"agentVersion\":\"openssl-interop\"}";
    Path token = Files.createTempFile(dir, "token-" + algorithm + "-", ".json");
    return Files.writeString(token, json, StandardCharsets.UTF_8);
  }

  /** Base64 of a certificate's DER, as {@code openssl x509 -outform DER} writes it. */
  static String der(OpenSslPki pki, String certificate) throws IOException {
    OpenSsl.run(pki.dir(), "x509", "-in", certificate, "-outform", "DER", "-out", "cert.der");
    return Base64.getEncoder().encodeToString(Files.readAllBytes(pki.dir().resolve("cert.der")));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
