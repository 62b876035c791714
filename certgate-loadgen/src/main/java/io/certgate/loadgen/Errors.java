package io.certgate.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests that did not get the expected answer: counted, and the first few kept for the report.
 */
final class Errors {
  private final AtomicLong count = new AtomicLong();
  private final List<String> examples = new ArrayList<>();

  void add(String what) {
    count.incrementAndGet();
    synchronized (examples) {
      if (examples.size() < 5) {
        examples.add(what.length() > 300 ? what.substring(0, 300) : what);
      }
    }
  }

  long count() {
    return count.get();
  }

  List<String> examples() {
    synchronized (examples) {
      return List.copyOf(examples);
    }
  }
}
