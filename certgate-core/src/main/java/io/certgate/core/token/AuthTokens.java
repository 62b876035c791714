package io.certgate.core.token;

import io.certgate.core.TokenMalformedException;
import io.certgate.core.UnsupportedFormatException;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonArray;
import io.certgate.core.json.JsonException;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonString;
import io.certgate.core.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the auth token's JSON form (DESIGN.md §5), step 1 of DESIGN.md §8.
 *
 * <p>Reading is strict, and its decisions are part of the contract:
 *
 * <ul>
 *   <li>more than {@value #MAX_TOKEN_BYTES} bytes of UTF-8, text that is not one JSON object, or a
 *       missing or non-string {@code format}: {@code TOKEN_MALFORMED};
 *   <li>a {@code format} other than {@value #FORMAT}: {@code UNSUPPORTED_FORMAT} (checked before
 *       any other member, so a later format is reported as such, not as malformed);
 *   <li>a member not in the format (the format is versioned, so there are no extensions): {@code
 *       TOKEN_MALFORMED};
 *   <li>an {@code algorithm} outside {@link TokenAlgorithm}: {@code TOKEN_MALFORMED}, because the
 *       format defines a closed set and no key can be matched against an unknown name;
 *   <li>{@code certificate}, {@code algorithm}, {@code signature}, {@code agentVersion} required;
 *       {@code chain} optional but, when present, an array (not {@code null}) of at most {@value
 *       #MAX_CHAIN} certificates; base64 canonical and non-empty; signature at most {@value
 *       #MAX_SIGNATURE_BYTES} bytes; agentVersion 1–{@value #MAX_AGENT_VERSION} printable chars.
 * </ul>
 *
 * Certificates are not decoded here (that is step 3), only their base64.
 */
public final class AuthTokens {
  /** The only format this version reads and writes. */
  public static final String FORMAT = "certgate-auth/1";

  /** The server's limit on a token (DESIGN.md §5). */
  public static final int MAX_TOKEN_BYTES = 64 * 1024;

  static final int MAX_CHAIN = 8;
  static final int MAX_SIGNATURE_BYTES = 1024;
  static final int MAX_AGENT_VERSION = 64;

  private static final JsonLimits LIMITS = new JsonLimits(MAX_TOKEN_BYTES, 2, MAX_TOKEN_BYTES);
  private static final Set<String> MEMBERS =
      Set.of("format", "certificate", "chain", "algorithm", "signature", "agentVersion");

  private AuthTokens() {}

  /**
   * Parses a token.
   *
   * @throws UnsupportedFormatException if {@code format} names another format
   * @throws TokenMalformedException for every other defect (see the class description)
   */
  public static AuthToken parse(String json)
      throws TokenMalformedException, UnsupportedFormatException {
    if (tooLarge(json)) {
      throw new TokenMalformedException("token larger than " + MAX_TOKEN_BYTES + " bytes");
    }
    JsonObject object;
    try {
      object = Json.parseObject(json, LIMITS);
    } catch (JsonException e) {
      throw new TokenMalformedException(
          "token is not a well-formed JSON object: " + e.getMessage());
    }
    try {
      checkFormat(object.requireString("format"));
      for (String name : object.names()) {
        if (!MEMBERS.contains(name)) {
          throw new TokenMalformedException("token has a member the format does not define");
        }
      }
      return new AuthToken(
          FORMAT,
          base64(object.requireString("certificate"), "certificate", MAX_TOKEN_BYTES),
          chain(object),
          algorithm(object.requireString("algorithm")),
          base64(object.requireString("signature"), "signature", MAX_SIGNATURE_BYTES),
          agentVersion(object.requireString("agentVersion")));
    } catch (JsonException e) {
      throw new TokenMalformedException(e.getMessage());
    }
  }

  /** Writes a token as compact JSON, members in the order of DESIGN.md §5. */
  public static String toJson(AuthToken token) {
    Base64.Encoder b64 = Base64.getEncoder();
    List<String> chain = new ArrayList<>();
    for (byte[] der : token.chain()) {
      chain.add(b64.encodeToString(der));
    }
    return JsonObject.builder()
        .put("format", token.format())
        .put("certificate", b64.encodeToString(token.certificate()))
        .put("chain", JsonArray.ofStrings(chain))
        .put("algorithm", token.algorithm().name())
        .put("signature", b64.encodeToString(token.signature()))
        .put("agentVersion", token.agentVersion())
        .build()
        .toJson();
  }

  private static void checkFormat(String format) throws UnsupportedFormatException {
    if (!FORMAT.equals(format)) {
      throw new UnsupportedFormatException("unsupported token format; expected " + FORMAT);
    }
  }

  private static List<byte[]> chain(JsonObject object)
      throws JsonException, TokenMalformedException {
    if (object.get("chain").isEmpty()) {
      return List.of();
    }
    JsonArray array = object.requireArray("chain");
    if (array.size() > MAX_CHAIN) {
      throw new TokenMalformedException("chain longer than " + MAX_CHAIN + " certificates");
    }
    List<byte[]> chain = new ArrayList<>(array.size());
    for (JsonValue element : array.elements()) {
      if (!(element instanceof JsonString s)) {
        throw new TokenMalformedException("chain elements must be base64 strings");
      }
      chain.add(base64(s.value(), "chain element", MAX_TOKEN_BYTES));
    }
    return chain;
  }

  private static TokenAlgorithm algorithm(String name) throws TokenMalformedException {
    for (TokenAlgorithm alg : TokenAlgorithm.values()) {
      if (alg.name().equals(name)) {
        return alg;
      }
    }
    throw new TokenMalformedException(
        "unknown algorithm; expected one of ES256, ES384, RS256, PS256, SM2SM3");
  }

  private static byte[] base64(String text, String member, int maxBytes)
      throws TokenMalformedException {
    byte[] bytes =
        StrictBase64.decode(text)
            .orElseThrow(() -> new TokenMalformedException(member + " is not canonical base64"));
    if (bytes.length == 0 || bytes.length > maxBytes) {
      throw new TokenMalformedException(member + " is empty or too long");
    }
    return bytes;
  }

  private static String agentVersion(String version) throws TokenMalformedException {
    if (version.isEmpty() || version.length() > MAX_AGENT_VERSION) {
      throw new TokenMalformedException("agentVersion must be 1-" + MAX_AGENT_VERSION + " chars");
    }
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new TokenMalformedException("agentVersion must be printable ASCII");
      }
    }
    return version;
  }

  /** Whether the UTF-8 form exceeds the limit; encodes only when the char count cannot tell. */
  private static boolean tooLarge(String s) {
    if (s.length() > MAX_TOKEN_BYTES) {
      return true;
    }
    if ((long) s.length() * 3 <= MAX_TOKEN_BYTES) {
      return false;
    }
    return s.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES;
  }
}
