/**
 * Accounts: organisations (机构, with the 统一社会信用代码 check of GB 32100-2015), users, roles and
 * passwords; who may administer whom (a platform administrator everything, an organisation
 * administrator the users of its own organisation only) and whose CAs one may bind or unbind
 * ({@link io.certgate.server.account.CaPermissions}, asked by the challenge and binding features);
 * the bootstrap administrator. It does not log anyone in: that is the login feature, which reads
 * accounts through {@link io.certgate.server.account.Users}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "region"})
package io.certgate.server.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
