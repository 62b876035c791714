package io.certgate.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    Process process =
        new ProcessBuilder(command)
            .directory(pki.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(pki.dir().resolve("ocsp.log").toFile())
            .start();
    OpenSslOcspResponder responder = new OpenSslOcspResponder(process);
    responder.awaitListening(pki.ocspPort());
    return responder;
  }

  private void awaitListening(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("openssl ocsp exited " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IOException("openssl ocsp did not listen on port " + port);
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
