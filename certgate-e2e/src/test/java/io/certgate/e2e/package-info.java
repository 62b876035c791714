/**
 * End-to-end tests of CertGate as a person uses it: the packaged {@code certgate-server.jar} and
 * {@code certgate-agent.jar} run as child processes ({@code java -jar}), the agent holds SoftHSM2
 * tokens and PKCS#12 soft keys from the test PKI, and Debian's headless Chromium drives the pages.
 *
 * <p>Nothing here reaches into either process: the tests see only what a browser, the agent's
 * loopback API and the server's log (the demo SMS gateway) show. They do not test the server's
 * rules one by one; the server's and the agent's own integration tests do that.
 */
@org.jspecify.annotations.NullMarked
package io.certgate.e2e;
