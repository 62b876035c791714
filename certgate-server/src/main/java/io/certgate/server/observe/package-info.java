/**
 * Metrics of the platform's own behaviour for Prometheus ({@code /actuator/prometheus}): logins by
 * method and outcome. Health and readiness come from Spring Boot Actuator.
 */
@NullMarked
package io.certgate.server.observe;

import org.jspecify.annotations.NullMarked;
