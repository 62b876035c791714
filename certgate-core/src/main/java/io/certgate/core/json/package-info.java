/**
 * A small, strict JSON (RFC 8259) reader and writer for CertGate's wire formats, so that core, the
 * agent and the CLI need no JSON library. Input is bounded (length, nesting depth, string length),
 * duplicate member names and unpaired surrogates are refused, and every refusal is a checked {@link
 * io.certgate.core.json.JsonException} with the offset where reading stopped. It is not a
 * data-binding library: callers walk the {@link io.certgate.core.json.JsonValue} tree themselves.
 */
@NullMarked
package io.certgate.core.json;

import org.jspecify.annotations.NullMarked;
