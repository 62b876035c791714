package io.certgate.server.account;

import java.util.Set;

/** An administrator changed a user's name, mobile or roles. */
public record UserUpdated(long id, String username, Set<Role> roles, String actor) {}
