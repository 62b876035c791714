package io.certgate.server.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Request strings as Jackson reads them, but a string holding NUL ({@code "\u0000"} is valid JSON)
 * is malformed input: PostgreSQL refuses NUL in text, so it would otherwise fail as a database
 * error deep inside whatever looked the value up, and no name, password or code needs one.
 */
final class NoNulStrings extends StringDeserializer {
  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    String s = super.deserialize(p, ctxt);
    if (s != null && s.indexOf('\0') >= 0) {
      throw ctxt.weirdStringException(s.replace('\0', '\uFFFD'), String.class, "NUL 字符");
    }
    return s;
  }
}
