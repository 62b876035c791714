/**
 * CA binding (CA绑定与解绑): session-bound challenges ({@code POST /api/ca/challenges}), binding a lock
 * to an account with proof of possession, unbinding, the CA用户管理 and bindings listings, and expiry
 * reminders. One lock binds one account, decided by the database's unique constraint. Who may act
 * on whom is {@link io.certgate.server.binding.CaPermissions}. It does not log anyone in: CA login
 * reads bindings through {@link io.certgate.server.binding.Bindings}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "limit", "provider", "region", "sms"})
package io.certgate.server.binding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
