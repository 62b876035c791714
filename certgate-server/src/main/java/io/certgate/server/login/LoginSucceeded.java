package io.certgate.server.login;

/** A user logged in; {@code method} is {@code PASSWORD}, {@code SMS} or {@code CA}. */
public record LoginSucceeded(long userId, String username, String method) {}
