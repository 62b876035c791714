package io.certgate.server;

import org.springframework.test.context.TestPropertySource;

/** {@link PasswordChangeSuite} on the embedded H2 database. */
@TestPropertySource(properties = PlatformDatabases.H2)
class H2PasswordChangeIT extends PasswordChangeSuite {}
