package io.certgate.server.cluster;

import io.certgate.server.api.ErrorBodies;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/** Recognises a Redis outage in an exception chain, and the body clients get for it. */
final class RedisOutage {
  static final String MESSAGE = "缓存服务暂不可用,请稍后再试";

  private RedisOutage() {}

  static boolean isCause(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RedisConnectionFailureException
          || t instanceof RedisSystemException
          || t instanceof io.lettuce.core.RedisException) {
        return true;
      }
    }
    return false;
  }

  static String body() {
    return ErrorBodies.internalJson(MESSAGE);
  }
}
