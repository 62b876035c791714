package io.certgate.agent.token;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of one SKF library (GM/T 0016-2012), called through JNA with the standard's binary
 * interface: {@code ULONG} and {@code BOOL} are 32-bit on every OS (Java {@code int}), handles are
 * pointers, strings are NUL-terminated bytes, structures are packed ({@link SkfStructures}). On
 * 32-bit Windows the functions are {@code __stdcall}, elsewhere the C convention.
 *
 * <p>Not thread-safe: it is used only in the library's own process ({@link SkfHost}), one request
 * at a time.
 */
final class SkfNative {
  /** What the agent calls; a library without one of these is not used. */
  static final List<String> REQUIRED =
      List.of(
          "SKF_EnumDev",
          "SKF_ConnectDev",
          "SKF_DisConnectDev",
          "SKF_GetDevInfo",
          "SKF_EnumApplication",
          "SKF_OpenApplication",
          "SKF_CloseApplication",
          "SKF_VerifyPIN",
          "SKF_ClearSecureState",
          "SKF_EnumContainer",
          "SKF_OpenContainer",
          "SKF_CloseContainer",
          "SKF_GetContainerType",
          "SKF_ExportCertificate",
          "SKF_ECCSignData",
          "SKF_RSASignData");

  /** Some vendors leave it out; without it the PIN's tries are known only after a wrong PIN. */
  static final String GET_PIN_INFO = "SKF_GetPINInfo";

  /** GM/T 0016 §6.4.x: the user PIN (ADMIN_TYPE is 0). */
  static final int USER_TYPE = 1;

  private final Path path;
  private final Map<String, Function> functions;

  private SkfNative(Path path, Map<String, Function> functions) {
    this.path = path;
    this.functions = Map.copyOf(functions);
  }

  /**
   * Loads the library and looks up its functions.
   *
   * @throws SkfLoadException when it does not load or lacks a required function (named)
   */
  static SkfNative load(Path path) throws SkfLoadException {
    NativeLibrary library;
    try {
      library = NativeLibrary.getInstance(path.toString());
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new SkfLoadException("cannot be loaded: " + e.getMessage());
    }
    int convention =
        Platform.isWindows() && !Platform.is64Bit()
            ? Function.ALT_CONVENTION
            : Function.C_CONVENTION;
    Map<String, Function> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      lookup(library, name, convention)
          .ifPresentOrElse(f -> found.put(name, f), () -> missing.add(name));
    }
    if (!missing.isEmpty()) {
      throw new SkfLoadException("is not an SKF library: it lacks " + String.join(", ", missing));
    }
    lookup(library, GET_PIN_INFO, convention).ifPresent(f -> found.put(GET_PIN_INFO, f));
    return new SkfNative(path, found);
  }

  private static Optional<Function> lookup(NativeLibrary library, String name, int convention) {
    try {
      return Optional.of(library.getFunction(name, convention));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  Path path() {
    return path;
  }

  boolean hasPinInfo() {
    return functions.containsKey(GET_PIN_INFO);
  }

  /** Calls a function and returns its {@code SAR_*} code. */
  int call(String name, Object... args) {
    Function f = functions.get(name);
    if (f == null) {
      throw new IllegalStateException(name + " was not looked up");
    }
    return f.invokeInt(args);
  }

  /** Calls a function and throws unless it returned {@code SAR_OK}. */
  void check(String name, Object... args) throws SkfException {
    int rv = call(name, args);
    if (rv != SkfErrors.SAR_OK) {
      throw new SkfException(name, rv);
    }
  }

  /**
   * The bytes of a variable-length answer: a first call with a NULL buffer asks the size, a second
   * fills the buffer; a {@code SAR_BUFFER_TOO_SMALL} (the answer grew in between, a key was
   * inserted) starts again with the new size.
   *
   * @param args the arguments before the buffer and its size
   */
  byte[] sized(String name, Object... args) throws SkfException {
    IntByReference size = new IntByReference(0);
    check(name, with(args, Pointer.NULL, size));
    for (int attempt = 0; attempt < 4; attempt++) {
      int wanted = size.getValue();
      if (wanted <= 0) {
        return new byte[0];
      }
      Memory buffer = new Memory(wanted);
      buffer.clear();
      int rv = call(name, with(args, buffer, size));
      if (rv == SkfErrors.SAR_OK) {
        int got = Math.min(Math.max(size.getValue(), 0), wanted);
        return buffer.getByteArray(0, got);
      }
      if (rv != SkfErrors.SAR_BUFFER_TOO_SMALL) {
        throw new SkfException(name, rv);
      }
    }
    throw new SkfException(name, SkfErrors.SAR_BUFFER_TOO_SMALL);
  }

  /** Calls a function that returns a handle through its last argument. */
  Pointer open(String name, Object... args) throws SkfException {
    PointerByReference handle = new PointerByReference();
    check(name, with(args, handle));
    return handle.getValue();
  }

  private static Object[] with(Object[] args, Object... more) {
    Object[] all = new Object[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
