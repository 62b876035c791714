package io.certgate.server.login;

/** A user proved control of the account's mobile and was shown the username (忘记用户名). */
public record UsernameRecovered(long userId, String username) {}
