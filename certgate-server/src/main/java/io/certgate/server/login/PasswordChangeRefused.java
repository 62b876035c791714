package io.certgate.server.login;

import io.certgate.core.ErrorCode;

/**
 * A user's change of their own password (修改密码) was refused: {@code reason} is the true one (a wrong
 * current password, password checks held back, the password rule), for the audit log.
 */
public record PasswordChangeRefused(long userId, String username, ErrorCode reason) {}
