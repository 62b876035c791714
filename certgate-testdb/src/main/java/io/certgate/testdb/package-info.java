/**
 * Throw-away PostgreSQL 15 clusters made from Debian's server binaries: the real database for the
 * server's PostgreSQL suites and fault tests and for the load generator, without Docker.
 */
@NullMarked
package io.certgate.testdb;

import org.jspecify.annotations.NullMarked;
