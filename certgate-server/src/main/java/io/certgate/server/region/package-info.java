/**
 * Regions (区划): the six-digit administrative hierarchy, and whether CA business is enabled in a
 * region, inherited from the parent unless the region overrides it. Administration endpoints for
 * platform administrators. The providers enabled per region come with the CA provider feature.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api"})
package io.certgate.server.region;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
