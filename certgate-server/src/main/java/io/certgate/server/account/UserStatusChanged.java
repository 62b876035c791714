package io.certgate.server.account;

/** An administrator enabled or disabled a user (enabling also lifts a lockout). */
public record UserStatusChanged(long id, String username, UserStatus status, String actor) {}
