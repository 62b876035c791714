package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of one {@link SkfHost}: starts the process when needed, sends a request, and
 * waits for the answer at most the configured time. A host that does not answer in time is killed,
 * one that dies (the vendor library crashed) is noticed; either way the request fails with {@code
 * INTERNAL} saying so, and the next request starts a new host. Not thread-safe: {@link SkfLibrary}
 * serialises its use by locking this object.
 */
final class SkfHostProcess implements AutoCloseable {
  /** Reads one answer from the host; its failures are the stream's. */
  @FunctionalInterface
  interface Answer<T> {
    T read(DataInputStream in) throws IOException, AgentException;
  }

  private final Path library;
  private final String idPrefix;
  private final ExecutorService reader;
  private @Nullable Process process;
  private @Nullable DataOutputStream out;
  private @Nullable DataInputStream in;

  SkfHostProcess(Path library, String idPrefix) {
    this.library = library;
    this.idPrefix = idPrefix;
    this.reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "skf host " + library.getFileName());
              t.setDaemon(true);
              return t;
            });
  }

  /** Sends a request (written by {@code request}) and reads its answer. */
  <T> T call(String what, Duration timeout, Request request, Answer<T> answer)
      throws AgentException {
    DataOutputStream o;
    DataInputStream i;
    try {
      ensureStarted();
      o = out;
      i = in;
      request.write(o);
      o.flush();
    } catch (IOException e) {
      throw died(what, e);
    }
    Future<T> pending =
        reader.submit(
            () -> {
              return answer.read(i);
            });
    try {
      return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      kill();
      throw new AgentException(
          AgentError.INTERNAL,
          "the SKF library "
              + library
              + " did not answer within "
              + timeout.toSeconds()
              + " s ("
              + what
              + "); unplug and re-insert the key",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new AgentException(AgentError.INTERNAL, "interrupted while waiting for the key", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AgentException a) {
        throw a;
      }
      throw died(what, e.getCause());
    }
  }

  /** Whether the host that served the last request still runs (it was not killed since). */
  boolean running() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Writes one request. */
  @FunctionalInterface
  interface Request {
    void write(DataOutputStream out) throws IOException;
  }

  /**
   * How long a new host may take to start a JVM and load the library (vendor libraries may do slow
   * work when loaded); the request timeout counts only from then on.
   */
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private void ensureStarted() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    kill();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ErrorFile="
                + Path.of(System.getProperty("java.io.tmpdir"), "certgate-skf-host-%p.log"),
            "-cp",
            classPath(),
            SkfHost.class.getName(),
            library.toString(),
            idPrefix));
    Process started =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .directory(new File(System.getProperty("java.io.tmpdir")))
            .start();
    process = started;
    out = new DataOutputStream(new BufferedOutputStream(started.getOutputStream()));
    DataInputStream fromHost =
        new DataInputStream(new BufferedInputStream(started.getInputStream()));
    in = fromHost;
    Callable<String> readHello = fromHost::readUTF;
    Future<String> hello = reader.submit(readHello);
    try {
      String first = hello.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
      if (!first.equals(SkfHostProtocol.HELLO)) {
        throw new IOException("the SKF host said " + first + " first");
      }
    } catch (TimeoutException e) {
      throw new IOException("the SKF host did not start within " + STARTUP.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw new IOException("the SKF host did not start", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the SKF host", e);
    }
  }

  /** This JVM's class path with absolute entries: the host runs in another working folder. */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private AgentException died(String what, Throwable cause) {
    Process p = process;
    String exit = "";
    if (p != null) {
      try {
        if (p.waitFor(2, TimeUnit.SECONDS)) {
          exit = " (exit status " + p.exitValue() + ")";
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    kill();
    return new AgentException(
        AgentError.INTERNAL,
        "the SKF library "
            + library
            + " crashed in "
            + what
            + exit
            + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
            + "; it is started again",
        cause);
  }

  private void kill() {
    Process p = process;
    process = null;
    out = null;
    in = null;
    if (p != null) {
      p.destroyForcibly();
      try {
        p.waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    kill();
    reader.shutdownNow();
  }
}
