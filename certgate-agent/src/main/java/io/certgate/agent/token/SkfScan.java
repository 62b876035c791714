package io.certgate.agent.token;

import com.sun.jna.Pointer;
import io.certgate.agent.AgentException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One look at the devices of an SKF library: a token per device, its containers' certificates. */
final class SkfScan {
  /** The tokens found and what went wrong on the way (a device that failed, a bad certificate). */
  record Result(List<TokenSnapshot> tokens, List<String> problems) {}

  private final SkfWalk walk;
  private final String idPrefix;
  private final String library;
  private final List<String> problems = new ArrayList<>();

  SkfScan(SkfNative lib, String idPrefix) {
    this.walk = new SkfWalk(lib);
    this.idPrefix = idPrefix;
    this.library = lib.path().toString();
  }

  /** The token id of a device: the library's prefix, then a hash of its name and serial. */
  static String tokenId(String idPrefix, SkfText.Name name, String serial) {
    String key = name.text() + "\u0000" + serial;
    return idPrefix + Ids.fingerprint(key.getBytes(StandardCharsets.UTF_8), 6);
  }

  Result tokens() throws SkfException, AgentException {
    List<TokenSnapshot> tokens = new ArrayList<>();
    for (SkfText.Name name : walk.devices()) {
      try {
        walk.onDevice(name, this::device).ifPresent(tokens::add);
      } catch (SkfException e) {
        if (e.code() != SkfErrors.SAR_DEVICE_REMOVED) {
          // removed between the list and the connect: simply not there
          problems.add("SKF device " + name.text() + " (" + library + "): " + e.getMessage());
        }
      }
    }
    return new Result(tokens, List.copyOf(problems));
  }

  private Optional<TokenSnapshot> device(SkfText.Name name, Pointer device)
      throws SkfException, AgentException {
    SkfStructures.DevInfo info = walk.info(device);
    String serial = SkfText.field(info.serialNumber);
    String id = tokenId(idPrefix, name, serial);
    Map<String, TokenCertificate> certificates = new LinkedHashMap<>();
    List<Integer> triesLeft = new ArrayList<>();
    Pointer[] lastApplication = {null};
    walk.containers(
        device,
        (application, container) -> {
          if (walk.containerType(container) == SkfWalk.NO_KEY) {
            return Optional.empty(); // an empty container: nothing to log in with
          }
          boolean signs = false;
          for (boolean sign : new boolean[] {true, false}) {
            Optional<X509Certificate> c = readCertificate(container, sign);
            if (c.isPresent()) {
              TokenCertificate tc = TokenCertificate.of(id, c.get());
              certificates.putIfAbsent(tc.id(), tc);
              signs |= sign;
            }
          }
          if (signs && lastApplication[0] != application) {
            lastApplication[0] = application;
            walk.pinTriesLeft(application).ifPresent(triesLeft::add);
          }
          return Optional.empty();
        });
    Optional<Integer> left = triesLeft.stream().min(Integer::compare);
    TokenInfo token =
        new TokenInfo(
            id,
            name.text(),
            SkfText.field(info.manufacturer),
            serial,
            TokenKind.SKF,
            left,
            left.filter(n -> n == 0).isPresent());
    return Optional.of(new TokenSnapshot(token, List.copyOf(certificates.values())));
  }

  /** A certificate, or nothing with a problem saying why it cannot be read. */
  private Optional<X509Certificate> readCertificate(Pointer container, boolean sign)
      throws SkfException {
    try {
      return walk.certificate(container, sign);
    } catch (java.security.cert.CertificateException e) {
      problems.add("an SKF container holds an unreadable certificate: " + e.getMessage());
      return Optional.empty();
    }
  }
}
