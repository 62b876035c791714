package io.certgate.server.binding;

import io.certgate.core.ErrorCode;

/** A bind or unbind was refused with {@code reason}; {@code target} names the user or binding. */
public record CaBindRefused(String actor, String action, String target, ErrorCode reason) {}
