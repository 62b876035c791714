package io.certgate.server.login;

/** A user ended their session. */
public record LoggedOut(long userId, String username) {}
