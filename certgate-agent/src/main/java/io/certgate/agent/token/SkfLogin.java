package io.certgate.agent.token;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.core.AlgorithmMismatchException;
import io.certgate.core.token.TokenAlgorithm;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One logged-in use of an SKF key (DESIGN.md §4): find its container again, {@code SKF_VerifyPIN}
 * with the user PIN, run the operation with a key that signs on the device, and {@code
 * SKF_ClearSecureState} afterwards whatever happened. Runs on the library's thread.
 */
final class SkfLogin {
  private final SkfNative lib;
  private final SkfWalk walk;
  private final String idPrefix;

  SkfLogin(SkfNative lib, String idPrefix) {
    this.lib = lib;
    this.walk = new SkfWalk(lib);
    this.idPrefix = idPrefix;
  }

  /** The PIN memory is wiped right after SKF_VerifyPIN. */
  <T> T run(TokenCertificate certificate, Memory pin, KeyOperation<T> operation)
      throws AgentException, SkfException {
    try {
      for (SkfText.Name name : walk.devices()) {
        Optional<T> result =
            walk.onDevice(
                name,
                (n, device) -> {
                  String serial = SkfText.field(walk.info(device).serialNumber);
                  if (!SkfScan.tokenId(idPrefix, n, serial).equals(certificate.tokenId())) {
                    return Optional.empty();
                  }
                  return Optional.of(onDevice(device, certificate, pin, operation));
                });
        if (result.isPresent()) {
          return result.get();
        }
      }
    } catch (SkfException e) {
      throw SkfErrors.map(e);
    } finally {
      pin.clear();
    }
    throw new AgentException(AgentError.TOKEN_NOT_PRESENT, "the key is not inserted");
  }

  private <T> T onDevice(
      Pointer device, TokenCertificate certificate, Memory pin, KeyOperation<T> operation)
      throws SkfException, AgentException {
    return walk.containers(
            device,
            (application, container) -> {
              if (walk.containerType(container) == SkfWalk.NO_KEY) {
                return Optional.empty();
              }
              Optional<X509Certificate> sign = signingCertificate(container);
              if (sign.isEmpty() || !sign.get().equals(certificate.certificate())) {
                return Optional.empty();
              }
              return Optional.of(signIn(application, container, certificate, pin, operation));
            })
        .orElseThrow(
            () ->
                new AgentException(
                    AgentError.NOT_SIGNATURE_CERT,
                    "this is not the signing certificate of an SKF container"));
  }

  private Optional<X509Certificate> signingCertificate(Pointer container) throws SkfException {
    try {
      return walk.certificate(container, true);
    } catch (java.security.cert.CertificateException e) {
      return Optional.empty();
    }
  }

  private <T> T signIn(
      Pointer application,
      Pointer container,
      TokenCertificate certificate,
      Memory pin,
      KeyOperation<T> operation)
      throws AgentException, SkfException {
    X509Certificate cert = certificate.certificate();
    boolean sm2 = sm2(cert);
    int type = walk.containerType(container);
    if (type != (sm2 ? SkfWalk.ECC : SkfWalk.RSA)) {
      pin.clear();
      throw new AgentException(
          AgentError.CERT_NOT_FOUND,
          "the SKF container's key (type " + type + ") does not fit its certificate");
    }
    Optional<Integer> left = walk.pinTriesLeft(application);
    if (left.filter(n -> n == 0).isPresent()) {
      pin.clear();
      throw new AgentException(AgentError.PIN_LOCKED, "the key's PIN is locked");
    }
    IntByReference retries = new IntByReference(-1);
    int rv;
    try {
      rv = lib.call("SKF_VerifyPIN", application, SkfNative.USER_TYPE, pin, retries);
    } finally {
      pin.clear();
    }
    try {
      checkPin(rv, retries.getValue());
      SkfPrivateKey key =
          new SkfPrivateKey(
              sm2 ? "EC" : "RSA",
              cert.getPublicKey(),
              input -> sm2 ? eccSign(container, input) : rsaSign(container, input));
      return operation.apply(key, SkfProvider.INSTANCE, cert);
    } catch (GeneralSecurityException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SkfException s) {
          throw SkfErrors.map(s);
        }
      }
      throw new AgentException(AgentError.INTERNAL, "signing failed: " + e.getMessage(), e);
    } finally {
      lib.call("SKF_ClearSecureState", application);
    }
  }

  private static void checkPin(int rv, int retries) throws AgentException {
    if (rv == SkfErrors.SAR_OK) {
      return;
    }
    if (rv == SkfErrors.SAR_PIN_LOCKED) {
      throw new AgentException(AgentError.PIN_LOCKED, "the key's PIN is locked");
    }
    if (SkfErrors.wrongPin(rv)) {
      if (retries == 0) {
        throw new AgentException(AgentError.PIN_LOCKED, "wrong PIN; the key's PIN is now locked");
      }
      throw AgentException.pinIncorrect(
          retries > 0 ? OptionalInt.of(retries) : OptionalInt.empty());
    }
    throw SkfErrors.map(new SkfException("SKF_VerifyPIN", rv));
  }

  private static boolean sm2(X509Certificate cert) throws AgentException {
    try {
      return switch (TokenAlgorithm.forKey(cert.getPublicKey())) {
        case SM2SM3 -> true;
        case RS256, PS256 -> false;
        case ES256, ES384 ->
            throw new AgentException(
                AgentError.NOT_SIGNATURE_CERT, "SKF devices sign with SM2 or RSA keys only");
      };
    } catch (AlgorithmMismatchException e) {
      throw new AgentException(
          AgentError.NOT_SIGNATURE_CERT, "this certificate's key type cannot sign a login", e);
    }
  }

  private byte[] eccSign(Pointer container, byte[] e) throws SkfException {
    SkfStructures.EccSignatureBlob blob = new SkfStructures.EccSignatureBlob();
    lib.check("SKF_ECCSignData", container, e, e.length, blob.getPointer());
    blob.read();
    byte[] rs = new byte[128];
    System.arraycopy(blob.r, 0, rs, 0, 64);
    System.arraycopy(blob.s, 0, rs, 64, 64);
    return rs;
  }

  /** A 4096-bit key's signature fits; a larger one is asked again with the size the device gave. */
  private byte[] rsaSign(Pointer container, byte[] digestInfo) throws SkfException {
    IntByReference length = new IntByReference(512);
    for (int attempt = 0; attempt < 2; attempt++) {
      Memory signature = new Memory(length.getValue());
      int rv =
          lib.call("SKF_RSASignData", container, digestInfo, digestInfo.length, signature, length);
      if (rv == SkfErrors.SAR_OK) {
        return signature.getByteArray(0, Math.min(length.getValue(), (int) signature.size()));
      }
      if (rv != SkfErrors.SAR_BUFFER_TOO_SMALL) {
        throw new SkfException("SKF_RSASignData", rv);
      }
    }
    throw new SkfException("SKF_RSASignData", SkfErrors.SAR_BUFFER_TOO_SMALL);
  }
}
