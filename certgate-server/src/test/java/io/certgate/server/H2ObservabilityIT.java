package io.certgate.server;

import org.springframework.test.context.TestPropertySource;

/** {@link ObservabilitySuite} on the embedded H2 default (sharing the H2 suites' context). */
@TestPropertySource(properties = PlatformDatabases.H2)
class H2ObservabilityIT extends ObservabilitySuite {}
