package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.util.Map;
import java.util.Optional;

/** The {@code SAR_*} return codes of GM/T 0016-2012 §A and what they mean to the agent. */
final class SkfErrors {
  static final int SAR_OK = 0;
  static final int SAR_CERTNOTFOUNTERR = 0x0A00001C;
  static final int SAR_BUFFER_TOO_SMALL = 0x0A000020;
  static final int SAR_DEVICE_REMOVED = 0x0A000023;
  static final int SAR_PIN_INCORRECT = 0x0A000024;
  static final int SAR_PIN_LOCKED = 0x0A000025;
  static final int SAR_PIN_INVALID = 0x0A000026;
  static final int SAR_PIN_LEN_RANGE = 0x0A000027;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(0x0A000001, "SAR_FAIL"),
          Map.entry(0x0A000002, "SAR_UNKNOWNERR"),
          Map.entry(0x0A000003, "SAR_NOTSUPPORTYETERR"),
          Map.entry(0x0A000004, "SAR_FILEERR"),
          Map.entry(0x0A000005, "SAR_INVALIDHANDLEERR"),
          Map.entry(0x0A000006, "SAR_INVALIDPARAMERR"),
          Map.entry(0x0A000007, "SAR_READFILEERR"),
          Map.entry(0x0A000008, "SAR_WRITEFILEERR"),
          Map.entry(0x0A00000E, "SAR_MEMORYERR"),
          Map.entry(0x0A00000F, "SAR_TIMEOUTERR"),
          Map.entry(0x0A000010, "SAR_INDATALENERR"),
          Map.entry(0x0A000011, "SAR_INDATAERR"),
          Map.entry(0x0A00001B, "SAR_KEYNOTFOUNTERR"),
          Map.entry(SAR_CERTNOTFOUNTERR, "SAR_CERTNOTFOUNTERR"),
          Map.entry(SAR_BUFFER_TOO_SMALL, "SAR_BUFFER_TOO_SMALL"),
          Map.entry(SAR_DEVICE_REMOVED, "SAR_DEVICE_REMOVED"),
          Map.entry(SAR_PIN_INCORRECT, "SAR_PIN_INCORRECT"),
          Map.entry(SAR_PIN_LOCKED, "SAR_PIN_LOCKED"),
          Map.entry(SAR_PIN_INVALID, "SAR_PIN_INVALID"),
          Map.entry(SAR_PIN_LEN_RANGE, "SAR_PIN_LEN_RANGE"),
          Map.entry(0x0A000028, "SAR_USER_ALREADY_LOGGED_IN"),
          Map.entry(0x0A000029, "SAR_USER_PIN_NOT_INITIALIZED"),
          Map.entry(0x0A00002A, "SAR_USER_TYPE_INVALID"),
          Map.entry(0x0A00002D, "SAR_USER_NOT_LOGGED_IN"),
          Map.entry(0x0A00002E, "SAR_APPLICATION_NOT_EXISTS"),
          Map.entry(0x0A000031, "SAR_FILE_NOT_EXIST"));

  private SkfErrors() {}

  /** {@code SAR_PIN_LOCKED (0x0A000025)}, or {@code unknown SAR code 0x0B000001}. */
  static String describe(int code) {
    String hex = String.format("0x%08X", code);
    return Optional.ofNullable(NAMES.get(code))
        .map(name -> name + " (" + hex + ")")
        .orElse("unknown SAR code " + hex);
  }

  static boolean wrongPin(int code) {
    return code == SAR_PIN_INCORRECT || code == SAR_PIN_INVALID || code == SAR_PIN_LEN_RANGE;
  }

  /** A failure outside the PIN check: a removed device, or an internal error naming the code. */
  static AgentException map(SkfException e) {
    if (e.code() == SAR_DEVICE_REMOVED) {
      return new AgentException(AgentError.TOKEN_NOT_PRESENT, "the key was removed", e);
    }
    return new AgentException(
        AgentError.INTERNAL, "the key's SKF library failed: " + e.getMessage(), e);
  }
}
