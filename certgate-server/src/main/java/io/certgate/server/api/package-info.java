/**
 * The JSON error contract of DESIGN.md §6 for the whole server: {@link
 * io.certgate.server.api.ApiException}, the status and Chinese message of every {@link
 * io.certgate.core.ErrorCode}, and the one place that turns any failure (ours, Spring MVC's, Spring
 * Security's, the container's) into {@code {"error","message"}}. It holds no business rules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.certgate.server.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
