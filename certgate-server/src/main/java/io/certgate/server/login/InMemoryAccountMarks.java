package io.certgate.server.login;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The single node's marks. One entry per account changed since start-up (a few dozen bytes each);
 * sessions do not survive a restart, so neither need the marks.
 */
final class InMemoryAccountMarks implements AccountMarks {
  private final ConcurrentHashMap<Long, Long> marks = new ConcurrentHashMap<>();

  @Override
  public long latest(long userId) {
    Long mark = marks.get(userId);
    return mark == null ? 0 : mark;
  }

  @Override
  public void raise(long userId, long version) {
    marks.merge(userId, version, Math::max);
  }
}
