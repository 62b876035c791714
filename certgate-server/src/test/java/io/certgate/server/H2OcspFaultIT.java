package io.certgate.server;

import org.springframework.test.context.TestPropertySource;

/** {@link OcspFaultSuite} on the embedded H2 database. */
@TestPropertySource(properties = PlatformDatabases.H2)
class H2OcspFaultIT extends OcspFaultSuite {}
