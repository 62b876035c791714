/** The CertGate platform service: a Spring Boot application packaged by feature. */
@NullMarked
package io.certgate.server;

import org.jspecify.annotations.NullMarked;
