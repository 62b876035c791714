package io.certgate.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code token} field of {@code POST /api/auth/ca} and {@code POST /api/ca/bindings} (DESIGN.md
 * §6): the auth token of §5 as a JSON object, or its JSON text in a string (what some clients pass
 * on unchanged). Either way the handlers get the JSON text, which core's token reader parses and
 * checks; the 64 KiB limit of §5 applies to that text.
 *
 * @param text the token's JSON text
 */
@JsonDeserialize(using = AuthTokenField.Reader.class)
@Schema(
    description =
        "The auth token of DESIGN.md §5: a JSON object, or the same object's JSON text in a string",
    oneOf = {AuthTokenField.TokenObject.class, String.class})
public record AuthTokenField(@NotBlank @Size(max = AuthTokenField.MAX_CHARS) String text) {
  /** DESIGN.md §5: the token is limited to 64 KiB. */
  public static final int MAX_CHARS = 64 * 1024;

  /** The §5 object, for the OpenAPI description only: core reads and checks the real one. */
  @Schema(
      name = "AuthToken",
      requiredProperties = {"format", "certificate", "algorithm", "signature"})
  record TokenObject(
      @Schema(allowableValues = "certgate-auth/1") String format,
      @Schema(description = "base64 DER of the signing certificate") String certificate,
      @Schema(description = "base64 DER intermediates (optional)") List<String> chain,
      @Schema(allowableValues = {"ES256", "ES384", "RS256", "PS256", "SM2SM3"}) String algorithm,
      @Schema(description = "base64 signature over H(origin) ‖ H(nonce)") String signature,
      String agentVersion) {}

  /** Reads a string as it is and an object as its compact JSON text; anything else is refused. */
  static final class Reader extends ValueDeserializer<AuthTokenField> {
    @Override
    public AuthTokenField deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return new AuthTokenField(p.getString());
      }
      if (p.currentToken() == JsonToken.START_OBJECT) {
        JsonNode token = ctxt.readTree(p);
        return new AuthTokenField(token.toString());
      }
      return (AuthTokenField) ctxt.handleUnexpectedToken(AuthTokenField.class, p);
    }
  }
}
