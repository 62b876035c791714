package io.certgate.core.json;

/**
 * Bounds applied while reading, so that a hostile body cannot exhaust memory or the stack.
 *
 * @param maxInputChars the longest JSON text accepted, in UTF-16 chars
 * @param maxDepth the deepest nesting of arrays and objects accepted (1 = a flat object)
 * @param maxStringChars the longest string (member names included) accepted, after unescaping
 */
public record JsonLimits(int maxInputChars, int maxDepth, int maxStringChars) {

  /** 1 MiB of text, depth 32, strings up to 256 KiB: generous for every CertGate message. */
  public static final JsonLimits DEFAULT = new JsonLimits(1 << 20, 32, 1 << 18);

  public JsonLimits {
    if (maxInputChars < 1 || maxDepth < 1 || maxStringChars < 0) {
      throw new IllegalArgumentException("JSON limits must be positive");
    }
  }
}
