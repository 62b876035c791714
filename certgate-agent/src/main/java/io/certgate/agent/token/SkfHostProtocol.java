package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.cert.Certificates;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The messages between the agent and an {@link SkfHost} process, over the host's stdin and stdout:
 * each a {@code writeUTF} name followed by its fields, byte strings as a length and the bytes.
 *
 * <pre>
 * agent → host: SCAN | LOGIN tokenId certificate pin | SIGN input | END
 * host → agent: HELLO (once started) | TOKENS … | FAILED code message retries | READY | SIGNATURE bytes
 *               | SKF_FAILED function code | ENDED
 * </pre>
 */
final class SkfHostProtocol {
  static final String SCAN = "SCAN";
  static final String LOGIN = "LOGIN";
  static final String SIGN = "SIGN";
  static final String END = "END";
  static final String HELLO = "HELLO";
  static final String TOKENS = "TOKENS";
  static final String FAILED = "FAILED";
  static final String READY = "READY";
  static final String SIGNATURE = "SIGNATURE";
  static final String SKF_FAILED = "SKF_FAILED";
  static final String ENDED = "ENDED";

  /** A login or a signature is at most a few KiB; anything larger is a broken stream. */
  private static final int MAX_BYTES = 1 << 20;

  private SkfHostProtocol() {}

  static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_BYTES) {
      throw new IOException("message of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  static void writeTokens(DataOutputStream out, SkfScan.Result result) throws IOException {
    out.writeUTF(TOKENS);
    out.writeInt(result.tokens().size());
    for (TokenSnapshot token : result.tokens()) {
      TokenInfo info = token.info();
      out.writeUTF(info.id());
      out.writeUTF(info.label());
      out.writeUTF(info.manufacturer());
      out.writeUTF(info.serial());
      out.writeInt(info.pinRetriesLeft().orElse(-1));
      out.writeBoolean(info.locked());
      out.writeInt(token.certificates().size());
      for (TokenCertificate c : token.certificates()) {
        writeBytes(out, Ids.encoded(c.certificate()));
      }
    }
    out.writeInt(result.problems().size());
    for (String problem : result.problems()) {
      out.writeUTF(problem);
    }
    out.flush();
  }

  /** The rest of a TOKENS message. */
  static SkfScan.Result readTokens(DataInputStream in) throws IOException {
    List<TokenSnapshot> tokens = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      String id = in.readUTF();
      String label = in.readUTF();
      String manufacturer = in.readUTF();
      String serial = in.readUTF();
      int retries = in.readInt();
      boolean locked = in.readBoolean();
      List<TokenCertificate> certificates = new ArrayList<>();
      for (int m = in.readInt(); m > 0; m--) {
        try {
          certificates.add(TokenCertificate.of(id, Certificates.decode(readBytes(in))));
        } catch (CertMalformedException e) {
          throw new IOException("the SKF host sent a bad certificate", e);
        }
      }
      TokenInfo info =
          new TokenInfo(
              id,
              label,
              manufacturer,
              serial,
              TokenKind.SKF,
              retries < 0 ? Optional.empty() : Optional.of(retries),
              locked);
      tokens.add(new TokenSnapshot(info, certificates));
    }
    List<String> problems = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      problems.add(in.readUTF());
    }
    return new SkfScan.Result(tokens, problems);
  }

  static void writeFailure(DataOutputStream out, AgentException e) throws IOException {
    out.writeUTF(FAILED);
    out.writeUTF(e.code().name());
    out.writeUTF(String.valueOf(e.getMessage()));
    out.writeInt(e.retriesLeft().orElse(-1));
    out.flush();
  }

  /** The rest of a FAILED message, as the exception the host had. */
  static AgentException readFailure(DataInputStream in) throws IOException {
    AgentError code;
    try {
      code = AgentError.valueOf(in.readUTF());
    } catch (IllegalArgumentException e) {
      throw new IOException("the SKF host sent an unknown error code", e);
    }
    String message = in.readUTF();
    int retries = in.readInt();
    if (code == AgentError.PIN_INCORRECT) {
      return AgentException.pinIncorrect(
          retries < 0 ? OptionalInt.empty() : OptionalInt.of(retries));
    }
    return new AgentException(code, message);
  }
}
