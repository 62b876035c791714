package io.certgate.server;

import org.springframework.test.context.TestPropertySource;

/** {@link SmsSuite} on the embedded H2 database. */
@TestPropertySource(properties = PlatformDatabases.H2)
class H2SmsIT extends SmsSuite {}
