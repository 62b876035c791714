/**
 * The load generator of issue 7: seeds a PostgreSQL database at scale (organisations, users, CA
 * bindings, a few hundred users per algorithm with real test-PKI certificates), runs the packaged
 * server as its own process and measures the CA login journey (challenge, signed token, login)
 * against two baselines of the same run: a trivial authenticated request and raw signature
 * verification. It also starts the throw-away PostgreSQL it seeds.
 *
 * <p>It is a measuring tool, not part of the product: nothing here runs inside the server, and the
 * server is reached only over HTTP and its database only through SQL, the way an operator would.
 */
@NullMarked
package io.certgate.loadgen;

import org.jspecify.annotations.NullMarked;
