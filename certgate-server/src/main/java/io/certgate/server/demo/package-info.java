/**
 * The demo profile ({@code --spring.profiles.active=demo}): seeds 浙江省 330000 with 培训省本级 339900, the
 * organisation 培训省大河商贸有限公司 with an administrator and two 经办人, once, and prints how to log in. Never
 * active in production.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.certgate.server.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
