/**
 * Cluster mode: when {@code certgate.redis-url} is set, HTTP sessions and CA challenges live in
 * Redis so any node can serve any request; a Redis outage becomes a clear 503. Without the URL
 * nothing here is active and no Redis connection is attempted.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "limit", "login", "sms"})
package io.certgate.server.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
