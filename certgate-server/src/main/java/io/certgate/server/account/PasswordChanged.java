package io.certgate.server.account;

/**
 * A user's password was set by an administrator, recovered by SMS or changed by the user in 修改密码
 * (actor is the user in the last two).
 */
public record PasswordChanged(long id, String username, String actor) {}
