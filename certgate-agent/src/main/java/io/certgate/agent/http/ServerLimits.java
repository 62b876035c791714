package io.certgate.agent.http;

/**
 * Time and size limits of the JDK HTTP server. It reads them from system properties once, when the
 * first server is made, so they are set here unless the operator (or a test) set them already.
 */
final class ServerLimits {
  /** Seconds a client has to send a whole request, headers and body: stops slow-loris clients. */
  static final String MAX_REQUEST_SECONDS = "10";

  /** Seconds to write a response; signing waits for the token, a slow card may take seconds. */
  static final String MAX_RESPONSE_SECONDS = "60";

  private ServerLimits() {}

  static synchronized void apply() {
    setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
    setIfAbsent("sun.net.httpserver.maxRspTime", MAX_RESPONSE_SECONDS);
    setIfAbsent("sun.net.httpserver.idleInterval", "30");
    setIfAbsent("sun.net.httpserver.maxIdleConnections", "16");
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
    setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "16384");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
