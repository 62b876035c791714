package io.certgate.server.account;

/** A user's password was set by an administrator or recovered by SMS (actor is the user then). */
public record PasswordChanged(long id, String username, String actor) {}
