package io.certgate.agent.token;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.certgate.agent.AgentException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.cert.Certificates;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Walks one SKF library's devices → applications → containers, opening and closing handles as it
 * goes; no handle outlives a walk, so a removed device leaves nothing behind. Runs in the library's
 * own process ({@link SkfHost}).
 */
final class SkfWalk {
  private final SkfNative lib;

  SkfWalk(SkfNative lib) {
    this.lib = lib;
  }

  /** What is done with each open device; may stop the walk by returning a result. */
  interface DeviceVisitor<T> {
    Optional<T> visit(SkfText.Name name, Pointer device) throws SkfException, AgentException;
  }

  interface ContainerVisitor<T> {
    Optional<T> visit(Pointer application, Pointer container) throws SkfException, AgentException;
  }

  /** The devices present now (bPresent = TRUE). */
  List<SkfText.Name> devices() throws SkfException {
    return SkfText.nameList(lib.sized("SKF_EnumDev", 1));
  }

  <T> Optional<T> onDevice(SkfText.Name name, DeviceVisitor<T> visitor)
      throws SkfException, AgentException {
    Pointer device = lib.open("SKF_ConnectDev", text(name));
    try {
      return visitor.visit(name, device);
    } finally {
      lib.call("SKF_DisConnectDev", device);
    }
  }

  /** Each container of each application of an open device. */
  <T> Optional<T> containers(Pointer device, ContainerVisitor<T> visitor)
      throws SkfException, AgentException {
    for (SkfText.Name app : SkfText.nameList(lib.sized("SKF_EnumApplication", device))) {
      Pointer application = lib.open("SKF_OpenApplication", device, text(app));
      try {
        for (SkfText.Name con : SkfText.nameList(lib.sized("SKF_EnumContainer", application))) {
          Pointer container = lib.open("SKF_OpenContainer", application, text(con));
          try {
            Optional<T> result = visitor.visit(application, container);
            if (result.isPresent()) {
              return result;
            }
          } finally {
            lib.call("SKF_CloseContainer", container);
          }
        }
      } finally {
        lib.call("SKF_CloseApplication", application);
      }
    }
    return Optional.empty();
  }

  SkfStructures.DevInfo info(Pointer device) throws SkfException {
    SkfStructures.DevInfo info = new SkfStructures.DevInfo();
    lib.check("SKF_GetDevInfo", device, info.getPointer());
    info.read();
    return info;
  }

  /** GM/T 0016 container types: no key yet, RSA, ECC (SM2). */
  static final int NO_KEY = 0;

  static final int RSA = 1;
  static final int ECC = 2;

  /** {@link #NO_KEY}, {@link #RSA} or {@link #ECC}. */
  int containerType(Pointer container) throws SkfException {
    IntByReference type = new IntByReference();
    lib.check("SKF_GetContainerType", container, type);
    return type.getValue();
  }

  /**
   * The container's signing ({@code sign}) or encryption certificate; empty when there is none.
   *
   * @throws CertificateException when the exported bytes are not a certificate
   */
  Optional<X509Certificate> certificate(Pointer container, boolean sign)
      throws SkfException, CertificateException {
    byte[] exported;
    try {
      exported = lib.sized("SKF_ExportCertificate", container, sign ? 1 : 0);
    } catch (SkfException e) {
      if (e.code() == SkfErrors.SAR_CERTNOTFOUNTERR) {
        return Optional.empty();
      }
      throw e;
    }
    if (exported.length == 0) {
      return Optional.empty();
    }
    byte[] der;
    try {
      der = SkfText.certificate(exported);
    } catch (IllegalArgumentException e) {
      throw new CertificateException("exported certificate is neither DER, PEM nor base64", e);
    }
    try {
      // Bouncy Castle's parser: the JDK's does not know the SM2 curve
      return Optional.of(Certificates.decode(der));
    } catch (CertMalformedException e) {
      throw new CertificateException(e.getMessage(), e);
    }
  }

  /** Tries left of the user PIN, when the library has {@code SKF_GetPINInfo} and it answers. */
  Optional<Integer> pinTriesLeft(Pointer application) throws SkfException {
    if (!lib.hasPinInfo()) {
      return Optional.empty();
    }
    IntByReference max = new IntByReference();
    IntByReference left = new IntByReference();
    IntByReference isDefault = new IntByReference();
    try {
      lib.check(SkfNative.GET_PIN_INFO, application, SkfNative.USER_TYPE, max, left, isDefault);
    } catch (SkfException e) {
      if (e.code() == SkfErrors.SAR_DEVICE_REMOVED) {
        throw e;
      }
      return Optional.empty(); // a vendor that has the function but refuses it: count unknown
    }
    return Optional.of(left.getValue());
  }

  private static Memory text(SkfText.Name name) {
    byte[] bytes = name.terminated();
    Memory m = new Memory(bytes.length);
    m.write(0, bytes, 0, bytes.length);
    return m;
  }
}
