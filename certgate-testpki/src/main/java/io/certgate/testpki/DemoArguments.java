package io.certgate.testpki;

import java.nio.file.Path;

/** Command-line arguments of {@link DemoPki#main}. */
record DemoArguments(Path out, int crlPort, int ocspPort, boolean serve) {
  static final String USAGE =
      "usage: DemoPki --out DIR [--crl-port N] [--ocsp-port N] [--no-serve]"
          + " (ports default to 27160 and 27161; 0 picks a free port)";

  static DemoArguments parse(String[] args) {
    Path out = null;
    int crlPort = DemoPki.DEFAULT_CRL_PORT;
    int ocspPort = DemoPki.DEFAULT_OCSP_PORT;
    boolean serve = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(value(args, ++i, "--out"));
        case "--crl-port" -> crlPort = port(value(args, ++i, "--crl-port"));
        case "--ocsp-port" -> ocspPort = port(value(args, ++i, "--ocsp-port"));
        case "--no-serve" -> serve = false;
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is required");
    }
    return new DemoArguments(out, crlPort, ocspPort, serve);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + text);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port: " + text);
    }
  }
}
