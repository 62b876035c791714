/**
 * Metrics of the platform's own behaviour for Prometheus ({@code /actuator/prometheus}): logins by
 * method and outcome; and one log line per login. Health and readiness come from Spring Boot
 * Actuator; the revocation metrics (CRL age, OCSP errors) are kept by the provider feature, which
 * owns the validators they read.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"login"})
package io.certgate.server.observe;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
