package io.certgate.server;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ContextConfiguration;

/** {@link ListingMemorySuite} on a real PostgreSQL 15. */
@EnabledIf("io.certgate.server.PostgresServer#available")
@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresListingMemoryIT extends ListingMemorySuite {}
