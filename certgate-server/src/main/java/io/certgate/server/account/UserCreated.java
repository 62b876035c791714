package io.certgate.server.account;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An administrator created a user. */
public record UserCreated(
    long id, String username, @Nullable Long organizationId, Set<Role> roles, String actor) {}
