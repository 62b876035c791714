package io.certgate.cli;

import io.certgate.core.CertGateException;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonArray;
import io.certgate.core.json.JsonObject;
import java.util.List;

/**
 * The one JSON object a command prints, and the exit status that goes with it: 0 valid, 1 invalid,
 * 2 usage or I/O error. Members keep the order they were added in, {@code valid} first.
 */
final class Report {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  private final int exitStatus;
  private final JsonObject.Builder members = JsonObject.builder();

  private Report(int exitStatus) {
    this.exitStatus = exitStatus;
    members.put("valid", exitStatus == VALID);
  }

  static Report valid() {
    return new Report(VALID);
  }

  /** A refusal by certgate-core, with its stable code. */
  static Report invalid(CertGateException refusal) {
    return new Report(INVALID)
        .put("error", refusal.code().name())
        .put("message", String.valueOf(refusal.getMessage()));
  }

  /** A usage or input error; {@code BAD_REQUEST} is the DESIGN §6 code for a malformed request. */
  static Report usage(String message) {
    return new Report(USAGE).put("error", "BAD_REQUEST").put("message", message);
  }

  Report put(String name, String value) {
    members.put(name, value);
    return this;
  }

  Report put(String name, List<String> values) {
    members.put(name, JsonArray.ofStrings(values));
    return this;
  }

  int exitStatus() {
    return exitStatus;
  }

  String toJson() {
    return Json.write(members.build());
  }
}
