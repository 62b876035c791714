/**
 * In-memory rate limits on the injected clock, shared by the login and SMS features. Counters live
 * in one node's memory; the cluster mode of DESIGN.md §2 moves them to Redis.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.certgate.server.limit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
