/**
 * CA binding (CA绑定与解绑): binding a lock to an account with proof of possession (a BIND challenge of
 * the challenge feature), unbinding, the CA用户管理 and bindings listings (their machinery in the
 * {@code internal} sub-package), and expiry reminders. One lock binds one account, decided by the
 * database's unique constraint. Who may act on whom is the account feature's {@link
 * io.certgate.server.account.CaPermissions}. It does not log anyone in: CA login reads bindings
 * through {@link io.certgate.server.binding.Bindings}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "challenge", "provider", "sms"})
package io.certgate.server.binding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
