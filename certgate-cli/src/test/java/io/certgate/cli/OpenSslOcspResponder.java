package io.certgate.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code openssl ocsp} responder process for one {@link OpenSslPki}'s issuing CA, answering with
 * its delegated OCSP signer. Closing it ends the process.
 */
final class OpenSslOcspResponder implements AutoCloseable {
  private final Process process;

  private OpenSslOcspResponder(Process process) {
    this.process = process;
  }

  /** A port that was free on loopback a moment ago (the certificates must name it up front). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static OpenSslOcspResponder start(OpenSslPki pki) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "ocsp",
                "-index",
                "ca/index.txt",
                "-port",
                String.valueOf(pki.ocspPort()),
                "-rsigner",
                "ocsp.crt",
                "-rkey",
                "ocsp.key",
                "-CA",
                "ca.crt",
                "-ndays",
                "1"));
    if (pki.kind() == OpenSslPki.Kind.SM2) {
      command.addAll(List.of("-rmd", "sm3", "-rsigopt", "distid:1234567812345678"));
    }
    Path log = pki.dir().resolve("ocsp.log");
    Process process =
        new ProcessBuilder(command)
            .directory(pki.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    OpenSslOcspResponder responder = new OpenSslOcspResponder(process);
    responder.awaitListening(log);
    return responder;
  }

  /**
   * Waits for the responder's "waiting for … connections" line. Probing the port with a connection
   * would not do: openssl ocsp serves one connection at a time and would wait on the probe.
   */
  private void awaitListening(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("openssl ocsp exited " + process.exitValue() + ": " + read(log));
      }
      if (read(log).contains("waiting for OCSP client connections")) {
        return;
      }
      Thread.sleep(50);
    }
    close();
    throw new IOException("openssl ocsp did not start: " + read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
