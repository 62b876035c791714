package io.certgate.agent.token;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_CERTIFICATE_TYPE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKC_X_509;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_SERIAL_SESSION;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_TOKEN_INITIALIZED;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_CERTIFICATE;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_TOKEN_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Reads a token's description and its public certificate objects straight through the PKCS#11
 * wrapper: no login, no provider, and the one session it opens is closed before it returns.
 */
final class Pkcs11Reader {
  private static final int MAX_CERTIFICATES = 64;

  private Pkcs11Reader() {}

  static String idPrefix(Path library) {
    return "p11-" + Ids.fingerprint(library.toString().getBytes(StandardCharsets.UTF_8), 3) + "-";
  }

  /**
   * The token in a slot, or empty when the slot's token is not initialised (an empty SoftHSM slot).
   */
  static Optional<TokenSnapshot> read(PKCS11 p11, Path library, long slot) throws PKCS11Exception {
    CK_TOKEN_INFO info = p11.C_GetTokenInfo(slot);
    if ((info.flags & CKF_TOKEN_INITIALIZED) == 0) {
      return Optional.empty();
    }
    String id = tokenId(library, info);
    PinFlags pin = PinFlags.of(info.flags);
    TokenInfo token =
        new TokenInfo(
            id,
            Pkcs11Text.decode(info.label),
            Pkcs11Text.decode(info.manufacturerID),
            Pkcs11Text.decode(info.serialNumber),
            TokenKind.PKCS11,
            pin.retriesLeft(),
            pin.locked());
    List<TokenCertificate> certificates = new ArrayList<>();
    for (X509Certificate c : certificates(p11, slot)) {
      if (c.getBasicConstraints() < 0) {
        certificates.add(TokenCertificate.of(id, c));
      }
    }
    return Optional.of(new TokenSnapshot(token, certificates));
  }

  static Optional<String> tokenId(PKCS11 p11, Path library, long slot) throws PKCS11Exception {
    CK_TOKEN_INFO info = p11.C_GetTokenInfo(slot);
    if ((info.flags & CKF_TOKEN_INITIALIZED) == 0) {
      return Optional.empty();
    }
    return Optional.of(tokenId(library, info));
  }

  static long flags(PKCS11 p11, long slot) throws PKCS11Exception {
    return p11.C_GetTokenInfo(slot).flags;
  }

  private static String tokenId(Path library, CK_TOKEN_INFO info) {
    String token =
        String.join(
            "\u0000",
            new String(info.manufacturerID),
            new String(info.model),
            new String(info.serialNumber),
            new String(info.label));
    return idPrefix(library) + Ids.fingerprint(token.getBytes(StandardCharsets.UTF_8), 6);
  }

  private static List<X509Certificate> certificates(PKCS11 p11, long slot) throws PKCS11Exception {
    long session = p11.C_OpenSession(slot, CKF_SERIAL_SESSION, null, null);
    try {
      CK_ATTRIBUTE[] template = {
        new CK_ATTRIBUTE(CKA_CLASS, CKO_CERTIFICATE),
        new CK_ATTRIBUTE(CKA_CERTIFICATE_TYPE, CKC_X_509)
      };
      p11.C_FindObjectsInit(session, template);
      long[] handles;
      try {
        handles = p11.C_FindObjects(session, MAX_CERTIFICATES);
      } finally {
        p11.C_FindObjectsFinal(session);
      }
      List<X509Certificate> result = new ArrayList<>();
      for (long handle : handles) {
        CK_ATTRIBUTE[] value = {new CK_ATTRIBUTE(CKA_VALUE)};
        p11.C_GetAttributeValue(session, handle, value);
        parse(value[0].getByteArray()).ifPresent(result::add);
      }
      return result;
    } finally {
      p11.C_CloseSession(session);
    }
  }

  /** A certificate object that does not parse is skipped: one bad object must not hide the rest. */
  private static Optional<X509Certificate> parse(byte[] der) {
    try {
      return Optional.of(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der)));
    } catch (CertificateException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
