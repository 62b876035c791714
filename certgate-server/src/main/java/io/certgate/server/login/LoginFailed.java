package io.certgate.server.login;

import io.certgate.core.ErrorCode;

/**
 * A login was refused. {@code login} is what the client typed (username or mobile, cut to 64
 * characters), never the password.
 */
public record LoginFailed(String login, String method, ErrorCode reason) {}
