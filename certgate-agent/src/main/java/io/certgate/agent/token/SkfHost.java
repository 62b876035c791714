package io.certgate.agent.token;

import com.sun.jna.Memory;
import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.cert.Certificates;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The process one SKF library runs in (started by {@link SkfHostProcess}): a vendor library that
 * crashes or hangs takes this process down, never the agent. It answers the agent's requests
 * ({@link SkfHostProtocol}) one at a time, with {@link SkfScan} and {@link SkfLogin}; during a
 * login it signs what the agent sends until the agent ends it, then clears the secure state.
 *
 * <p>Arguments: the library's path and the token id prefix.
 */
final class SkfHost {
  private final @Nullable SkfNative lib;
  private final String loadProblem;
  private final String idPrefix;
  private final DataInputStream in;
  private final DataOutputStream out;

  private SkfHost(
      @Nullable SkfNative lib,
      String loadProblem,
      String idPrefix,
      DataInputStream in,
      DataOutputStream out) {
    this.lib = lib;
    this.loadProblem = loadProblem;
    this.idPrefix = idPrefix;
    this.in = in;
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    Path library = Path.of(args[0]);
    SkfNative lib = null;
    String problem = "";
    try {
      lib = SkfNative.load(library);
    } catch (SkfLoadException e) {
      problem = "SKF library " + library + " " + e.getMessage();
    }
    new SkfHost(lib, problem, args[1], in, out).serve();
  }

  private void serve() throws IOException {
    out.writeUTF(SkfHostProtocol.HELLO);
    out.flush();
    while (true) {
      String request;
      try {
        request = in.readUTF();
      } catch (EOFException e) {
        return; // the agent closed the pipe: it stopped, or gave up on this host
      }
      switch (request) {
        case SkfHostProtocol.SCAN -> scan();
        case SkfHostProtocol.LOGIN -> login();
        default -> throw new IOException("unexpected request " + request);
      }
    }
  }

  private SkfNative library() throws AgentException {
    if (lib == null) {
      throw new AgentException(AgentError.INTERNAL, loadProblem);
    }
    return lib;
  }

  private void scan() throws IOException {
    try {
      SkfHostProtocol.writeTokens(out, new SkfScan(library(), idPrefix).tokens());
    } catch (SkfException e) {
      SkfHostProtocol.writeFailure(out, SkfErrors.map(e));
    } catch (AgentException e) {
      SkfHostProtocol.writeFailure(out, e);
    }
  }

  private void login() throws IOException {
    String tokenId = in.readUTF();
    byte[] der = SkfHostProtocol.readBytes(in);
    byte[] pin = SkfHostProtocol.readBytes(in);
    Memory nativePin = new Memory(pin.length + 1L);
    nativePin.clear();
    nativePin.write(0, pin, 0, pin.length);
    Arrays.fill(pin, (byte) 0);
    try {
      TokenCertificate certificate = TokenCertificate.of(tokenId, Certificates.decode(der));
      new SkfLogin(library(), idPrefix)
          .run(
              certificate,
              nativePin,
              (key, provider, c) -> {
                signUntilEnd((SkfPrivateKey) key);
                return Boolean.TRUE;
              });
      out.writeUTF(SkfHostProtocol.ENDED);
      out.flush();
    } catch (CertMalformedException e) {
      SkfHostProtocol.writeFailure(
          out, new AgentException(AgentError.CERT_NOT_FOUND, "not a certificate"));
    } catch (SkfException e) {
      SkfHostProtocol.writeFailure(out, SkfErrors.map(e));
    } catch (AgentException e) {
      SkfHostProtocol.writeFailure(out, e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      nativePin.clear();
    }
  }

  /** Logged in: signs each SIGN the agent sends on the device, until END. */
  private void signUntilEnd(SkfPrivateKey key) {
    try {
      out.writeUTF(SkfHostProtocol.READY);
      out.flush();
      while (true) {
        String request = in.readUTF();
        if (request.equals(SkfHostProtocol.END)) {
          return;
        }
        if (!request.equals(SkfHostProtocol.SIGN)) {
          throw new IOException("unexpected request " + request + " while logged in");
        }
        byte[] input = SkfHostProtocol.readBytes(in);
        try {
          byte[] signature = key.sign(input);
          out.writeUTF(SkfHostProtocol.SIGNATURE);
          SkfHostProtocol.writeBytes(out, signature);
        } catch (SkfException e) {
          out.writeUTF(SkfHostProtocol.SKF_FAILED);
          out.writeUTF(e.function());
          out.writeInt(e.code());
        } catch (AgentException e) {
          SkfHostProtocol.writeFailure(out, e);
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
